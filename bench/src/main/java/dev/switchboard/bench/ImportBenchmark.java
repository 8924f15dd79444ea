package dev.switchboard.bench;

import dev.switchboard.gateway.demo.DemoCustomers;
import dev.switchboard.routing.customer.CustomerImport;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.ImportFormat;
import dev.switchboard.routing.customer.ImportSummary;
import dev.switchboard.routing.customer.RedisCustomerDirectory;
import dev.switchboard.routing.store.LocalRedisServer;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports generated customers from a CSV file through the production import path into a local
 * Redis, and as a baseline writes the same rows as plain pipelined {@code SET}s (no parsing,
 * normalization or indexes). Reports the median of the repeats and their ratio.
 */
final class ImportBenchmark {

  /** The center the customers are imported into. */
  static final String CENTER = "bench";

  private static final int BASELINE_BATCH = 8000;

  private ImportBenchmark() {}

  static void run(BenchArgs args) throws Exception {
    long rows = args.number("rows", 1_000_000, 1, 50_000_000);
    int repeat = (int) args.number("repeat", 3, 1, 10);
    Path csv = Files.createTempFile("switchboard-bench-customers-", ".csv");
    try (LocalRedisServer redis = LocalRedisServer.startEphemeral()) {
      long generated = System.nanoTime();
      writeCsv(csv, rows);
      System.out.printf("Generated %,d customers into %s (%.1f MB) in %.1f s%n", rows, csv,
          Files.size(csv) / 1e6, (System.nanoTime() - generated) / 1e9);
      double[] seconds = new double[repeat];
      double[] baseline = new double[repeat];
      for (int run = 0; run < repeat; run++) {
        baseline[run] = baseline(redis.uri(), csv);
        seconds[run] = importOnce(redis.uri(), csv, rows);
        System.out.printf("run %d: import %.2f s (%,.0f rows/s), baseline SETs %.2f s%n", run + 1, seconds[run],
            rows / seconds[run], baseline[run]);
      }
      double median = Latencies.median(seconds);
      double medianBaseline = Latencies.median(baseline);
      System.out.printf("RESULT import rows=%d seconds=%.2f baseline_seconds=%.2f baseline_ratio=%.2f%n",
          rows, median, medianBaseline, median / medianBaseline);
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  static void writeCsv(Path csv, long rows) throws IOException {
    DemoCustomers generator = new DemoCustomers(7);
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write(DemoCustomers.CSV_HEADER);
      out.write('\n');
      for (long number = 0; number < rows; number++) {
        out.write(generator.csvRow(number));
        out.write('\n');
      }
    }
  }

  /** Imports the CSV into an emptied Redis on the center {@value #CENTER}; returns the seconds it took. */
  static double importOnce(String uri, Path csv, long rows) throws IOException, InterruptedException {
    RedisClient client = BenchRedis.client(uri);
    Vertx vertx = Vertx.vertx();
    try (StatefulRedisConnection<String, String> connection = client.connect();
        InputStream in = Files.newInputStream(csv)) {
      connection.sync().flushall();
      IdentityNormalizer normalizer = new IdentityNormalizer("KR");
      RedisStore store = new RedisStore(vertx, connection, CENTER);
      CustomerImport importer = new CustomerImport(
          new RedisCustomerDirectory(store, normalizer, 1000, Clock.systemUTC()), new CustomerJson(normalizer));
      ImportSummary summary = importer.run(in, ImportFormat.CSV, (read, imported, rejected) -> { });
      if (summary.imported() != rows) {
        throw new IllegalStateException("imported " + summary.imported() + " of " + rows + " rows; first errors: "
            + summary.firstErrors().stream().limit(5).toList());
      }
      return summary.elapsed().toNanos() / 1e9;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
      client.shutdown();
    }
  }

  private static double baseline(String uri, Path csv) throws IOException {
    RedisClient client = BenchRedis.client(uri);
    try (StatefulRedisConnection<String, String> connection = client.connect();
        BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      connection.sync().flushall();
      RedisAsyncCommands<String, String> redis = connection.async();
      long started = System.nanoTime();
      in.readLine();
      List<RedisFuture<String>> batch = new ArrayList<>(BASELINE_BATCH);
      long number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        batch.add(redis.set("sb:{baseline}:raw:" + number++, line));
        if (batch.size() == BASELINE_BATCH) {
          await(batch);
        }
      }
      await(batch);
      double seconds = (System.nanoTime() - started) / 1e9;
      connection.sync().flushall();
      return seconds;
    } finally {
      client.shutdown();
    }
  }

  private static void await(List<RedisFuture<String>> batch) {
    if (!LettuceFutures.awaitAll(Duration.ofSeconds(30), batch.toArray(new RedisFuture<?>[0]))) {
      throw new IllegalStateException("baseline batch did not complete within 30 s");
    }
    batch.clear();
  }

}
