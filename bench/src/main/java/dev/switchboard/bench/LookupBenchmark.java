package dev.switchboard.bench;

import dev.switchboard.gateway.demo.DemoCustomers;
import dev.switchboard.routing.store.LocalRedisServer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Screen-pop lookups by phone through the REST API of a real node, in a JVM of its own, over a local Redis
 * holding the generated customers, at a fixed arrival rate (open loop: latency counts from when a request was
 * due, so a stall is not hidden). Baseline: {@code GET /health} at the same rate on the same node.
 */
final class LookupBenchmark {

  private LookupBenchmark() {}

  static void run(BenchArgs args) throws Exception {
    int seconds = (int) args.number("seconds", 30, 1, 3600);
    int rate = (int) args.number("rate", 5000, 1, 200_000);
    long customers = args.number("customers", 1_000_000, 1_000, 50_000_000);
    int connections = (int) args.number("connections", 32, 1, 1024);
    Duration warmUp = Duration.ofSeconds(args.number("warm-up-seconds", 60, 1, 600));
    List<Long> also = args.numbers("also", 1, 200_000);
    Path work = Files.createTempDirectory("switchboard-bench-lookup");
    Path csv = work.resolve("customers.csv");
    Vertx client = OpenLoop.generatorVertx();
    Context context = client.getOrCreateContext();
    try (LocalRedisServer redis = LocalRedisServer.startEphemeral()) {
      ImportBenchmark.writeCsv(csv, customers);
      double loaded = ImportBenchmark.importOnce(redis.uri(), csv, customers);
      Files.delete(csv);
      System.out.printf("Loaded %,d customers in %.1f s%n", customers, loaded);
      int port = OnContext.freePort();
      Path config = Files.writeString(work.resolve("switchboard-bench.yaml"), config(port, redis.uri()));
      String adminPassword = "bench-admin-" + Long.toHexString(System.nanoTime());
      Map<String, String> environment = Map.of("SWITCHBOARD_ADMIN_PASSWORD", adminPassword,
          "SWITCHBOARD_LOG_LEVEL", "WARN", "SWITCHBOARD_ACCESS_LOG", "OFF");
      try (ChildJvm node = ChildJvm.start("node", "dev.switchboard.gateway.Main",
          List.of("start", "--config", config.toString()), environment, work.resolve("node.log"))) {
        node.awaitReady("http://127.0.0.1:" + port + "/ready", Duration.ofSeconds(120));
        String token = OnContext.await(context, () -> new DeskAccounts(client, port)
            .signIn(adminPassword, List.of("bench-agent"))).get(0);
        String[] paths = lookupPaths(customers);
        RateLoad load = new RateLoad(client, port, connections, token);
        // warm up at the first rate measured: a warm-up above what the node sustains would leave a backlog
        int warmUpRate = also.isEmpty() ? rate : also.get(0).intValue();
        System.out.printf("Warming up for %d s at %,d/s ...%n", warmUp.toSeconds(), warmUpRate);
        load.run(i -> paths[(int) (i % paths.length)], warmUpRate, warmUp);
        for (long other : also) {
          RateLoad.Result step = load.run(i -> paths[(int) ((i * 7919) % paths.length)], (int) other,
              Duration.ofSeconds(seconds));
          System.out.printf("STEP lookup rate=%.0f p50_ms=%.3f p99_ms=%.3f (%s)%n", step.achievedRate(), step.p50(),
              step.p99(), step);
        }
        RateLoad.Result baseline = load.run(i -> "/health", rate, Duration.ofSeconds(seconds));
        System.out.println("baseline /health: " + baseline);
        KernelPasses.print(baseline.kernel());
        // the baseline's requests take other branches through the node than lookups do, so the JIT's code
        // for lookups is re-warmed (unmeasured) before they are measured
        Duration reWarm = Duration.ofSeconds(Math.min(10, warmUp.toSeconds()));
        System.out.printf("Warming up the lookups again for %d s ...%n", reWarm.toSeconds());
        load.run(i -> paths[(int) (i % paths.length)], rate, reWarm);
        RateLoad.Result lookups = load.run(i -> paths[(int) ((i * 7919) % paths.length)], rate,
            Duration.ofSeconds(seconds));
        System.out.println("lookup by phone:  " + lookups);
        KernelPasses.print(lookups.kernel());
        if (lookups.errors() > 0) {
          System.out.println("WARNING: " + lookups.errors() + " lookups failed");
        }
        if (!node.alive()) {
          throw new IllegalStateException("the node died under load:\n" + node.tail());
        }
        System.out.printf("RESULT lookup rate=%.0f p50_ms=%.3f p99_ms=%.3f baseline_p99_ms=%.3f baseline_ratio=%.2f%n",
            lookups.achievedRate(), lookups.p50(), lookups.p99(), baseline.p99(), lookups.p99() / baseline.p99());
      }
    } finally {
      Files.deleteIfExists(csv);
      client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static String[] lookupPaths(long customers) {
    DemoCustomers generator = new DemoCustomers(7);
    String[] paths = new String[(int) Math.min(customers, 200_000)];
    long stride = Math.max(1, customers / paths.length);
    for (int i = 0; i < paths.length; i++) {
      paths[i] = "/api/v1/customers/lookup?phone="
          + URLEncoder.encode(generator.phoneOf(i * stride), StandardCharsets.UTF_8);
    }
    return paths;
  }

  /** The node's configuration file: the benchmark's Redis and the center the customers were imported into. */
  private static String config(int port, String redisUri) {
    return "server:\n  host: 127.0.0.1\n  port: " + port + "\n  shutdown-grace: 1s\n"
        + "redis:\n  uri: " + redisUri + "\n  center: " + ImportBenchmark.CENTER + "\n"
        + "directory:\n  default-region: KR\n";
  }
}
