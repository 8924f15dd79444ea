package dev.switchboard.bench;

import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.Role;
import dev.switchboard.gateway.demo.DemoCustomers;
import dev.switchboard.routing.store.LocalRedisServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Screen-pop lookups by phone through the REST API of a real node over a local Redis holding the
 * generated customers, at a fixed arrival rate (open loop: latency counts from when a request was
 * due, so a stall is not hidden). Baseline: {@code GET /health} at the same rate on the same node.
 */
final class LookupBenchmark {

  private LookupBenchmark() {}

  static void run(BenchArgs args) throws Exception {
    int seconds = (int) args.number("seconds", 30, 1, 3600);
    int rate = (int) args.number("rate", 5000, 1, 200_000);
    long customers = args.number("customers", 1_000_000, 1_000, 50_000_000);
    int connections = (int) args.number("connections", 32, 1, 1024);
    List<Long> also = args.numbers("also", 1, 200_000);
    Path csv = Files.createTempFile("switchboard-bench-customers-", ".csv");
    try (LocalRedisServer redis = LocalRedisServer.startEphemeral()) {
      ImportBenchmark.writeCsv(csv, customers);
      double loaded = ImportBenchmark.importOnce(redis.uri(), csv, customers);
      System.out.printf("Loaded %,d customers in %.1f s%n", customers, loaded);
      Node node = Node.start(config(redis.uri()));
      try {
        String[] paths = lookupPaths(customers);
        Vertx client = Vertx.vertx();
        try {
          RateLoad load = new RateLoad(client, node.port(), connections, signIn(node));
          // warm up at the first rate measured: a warm-up above what the node sustains would leave a backlog
          int warmUp = also.isEmpty() ? rate : also.get(0).intValue();
          System.out.printf("Warming up for 5 s at %,d/s ...%n", warmUp);
          load.run(i -> paths[(int) (i % paths.length)], warmUp, Duration.ofSeconds(5));
          for (long other : also) {
            RateLoad.Result step = load.run(i -> paths[(int) ((i * 7919) % paths.length)], (int) other,
                Duration.ofSeconds(seconds));
            System.out.printf("STEP lookup rate=%.0f p50_ms=%.3f p99_ms=%.3f (%s)%n", step.achievedRate(), step.p50(),
                step.p99(), step);
          }
          RateLoad.Result baseline = load.run(i -> "/health", rate, Duration.ofSeconds(seconds));
          System.out.println("baseline /health: " + baseline);
          RateLoad.Result lookups = load.run(i -> paths[(int) ((i * 7919) % paths.length)], rate, Duration.ofSeconds(seconds));
          System.out.println("lookup by phone:  " + lookups);
          if (lookups.errors() > 0) {
            System.out.println("WARNING: " + lookups.errors() + " lookups failed");
          }
          System.out.printf("RESULT lookup rate=%.0f p50_ms=%.3f p99_ms=%.3f baseline_p99_ms=%.3f baseline_ratio=%.2f%n",
              lookups.achievedRate(), lookups.p50(), lookups.p99(), baseline.p99(), lookups.p99() / baseline.p99());
        } finally {
          client.close().toCompletionStage().toCompletableFuture().join();
        }
      } finally {
        node.close();
      }
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** An agent account for the load, signed in through the API like a desktop would. */
  private static String signIn(Node node) throws Exception {
    String password = java.util.UUID.randomUUID().toString();
    node.accounts().ensure(new AccountId("bench-agent"), "Bench agent", Role.AGENT, password)
        .toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.port() + "/api/v1/sessions"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new io.vertx.core.json.JsonObject()
                .put("account", "bench-agent").put("password", password).encode()))
            .build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("sign-in for the benchmark failed: " + response.statusCode() + " " + response.body());
    }
    return new io.vertx.core.json.JsonObject(response.body()).getString("token");
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

  private static SwitchboardConfig config(String redisUri) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return new SwitchboardConfig(
        new ServerSettings("127.0.0.1", port, 1 << 20, 1L << 30, Duration.ofSeconds(2)),
        new RedisSettings(Optional.of(redisUri), Optional.empty(), "bench", Path.of("data"),
            Duration.ofSeconds(2), Duration.ofSeconds(5)),
        new DirectorySettings("KR", 1000), Optional.empty());
  }
}
