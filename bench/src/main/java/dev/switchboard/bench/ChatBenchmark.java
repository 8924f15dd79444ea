package dev.switchboard.bench;

import dev.switchboard.routing.store.LocalRedisServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Web chat at scale on one node: a node in a child JVM capped at 2 GiB of heap, {@code visitors} visitor sockets,
 * {@code agents} agent desktops answering up to 10 chats each, and {@code rate} messages per second relayed
 * between them; then a bare Vert.x WebSocket echo server in a child JVM, driven by the same client with the same
 * sockets and rate, as the baseline. Reports the relay latency of both and the node's heap.
 */
final class ChatBenchmark {

  static final int CHATS_PER_AGENT = 10;
  /** Files a JVM holds besides the sockets under test: its jars, epoll and pipes, Redis links, logs. */
  private static final int FILES_RESERVED = 400;

  private ChatBenchmark() {}

  static void run(BenchArgs args) throws Exception {
    int visitors = (int) args.number("visitors", 20_000, 1, 200_000);
    int seconds = (int) args.number("seconds", 60, 1, 3600);
    Duration warmUp = Duration.ofSeconds(args.number("warm-up-seconds", 60, 1, 600));
    int rate = (int) args.number("rate", 5000, 2, 200_000);
    int agents = (int) args.number("agents", Math.max(1, (rate + 19) / 20), 1, 10_000);
    visitors = fitOpenFiles(visitors, agents);
    int pairs = Math.min(visitors, agents * CHATS_PER_AGENT);
    double perAgent = rate / 2.0 / Math.min(agents, pairs);
    if (perAgent > 18) {
      Main.fail("--agents " + agents + " would each send " + Math.round(perAgent) + " messages/s, over the desktop's "
          + "20 frames/s: use --agents " + (rate + 19) / 20 + " or more");
    }
    System.out.printf("%,d visitor sockets, %,d of them chatting with %,d agents; %,d messages/s for %d s after a "
        + "%d s warm-up%n", visitors, pairs, agents, rate, seconds, warmUp.toSeconds());
    Path work = Files.createTempDirectory("switchboard-bench-chat");
    Vertx vertx = OpenLoop.generatorVertx();
    Context context = vertx.getOrCreateContext();
    try (LocalRedisServer redis = LocalRedisServer.startEphemeral()) {
      ChatNodeConfig config = new ChatNodeConfig(OnContext.freePort(), redis.uri(), agents, CHATS_PER_AGENT,
          rate / 2.0 / pairs);
      NodeRun chat = chatRun(vertx, context, config, work, visitors, pairs, rate, seconds, warmUp);
      System.out.println("chat:     " + chat.load());
      KernelPasses.print(chat.load().kernel());
      System.out.printf("          node heap used after the load %s MiB (live after a full GC %s MiB, cap %s)%n",
          mib(chat.heapAfter()), mib(chat.heapLive()), ChildJvm.MAX_HEAP);
      RelayLoad.Result echo = echoRun(vertx, context, work, visitors, agents, pairs, rate, seconds, warmUp);
      System.out.println("baseline: " + echo);
      KernelPasses.print(echo.kernel());
      double ratio = echo.p99() > 0 ? chat.load().p99() / echo.p99() : 0;
      System.out.printf("RESULT chat sockets=%d heap_mb=%s rate=%.0f p99_ms=%.2f baseline_ratio=%.2f%n",
          chat.load().sockets(), mib(chat.heapAfter()), chat.load().relayedRate(), chat.load().p99(), ratio);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The node and this client each hold every socket; beyond what their open-files limits allow, sockets would
   * fail half-way through the run, so the visitors are capped with a note saying why.
   */
  private static int fitOpenFiles(int visitors, int agents) {
    long limit = Math.min(ChildJvm.openFilesLimit(), ChildJvm.ownOpenFilesLimit());
    long fit = limit - agents - FILES_RESERVED;
    if (visitors <= fit) {
      return visitors;
    }
    System.out.printf("note: the open-files limit is %,d per process and cannot be raised here (that needs root with "
        + "CAP_SYS_RESOURCE, or a higher 'ulimit -Hn'); %,d visitors fit next to %,d agents and the JVM's own files"
        + "%n", limit, Math.max(1, fit), agents);
    return (int) Math.max(1, fit);
  }

  /** What the chat run measured: the load, and the node's heap (bytes) right after it and live after a full GC. */
  record NodeRun(RelayLoad.Result load, OptionalLong heapAfter, OptionalLong heapLive) {}

  private static NodeRun chatRun(Vertx vertx, Context context, ChatNodeConfig config, Path work, int visitors,
      int pairs, int rate, int seconds, Duration warmUp) throws Exception {
    Path file = Files.writeString(work.resolve("switchboard-bench.yaml"), config.yaml());
    String adminPassword = "bench-admin-" + Long.toHexString(System.nanoTime());
    Map<String, String> environment = Map.of("SWITCHBOARD_ADMIN_PASSWORD", adminPassword,
        "SWITCHBOARD_LOG_LEVEL", "WARN", "SWITCHBOARD_ACCESS_LOG", "OFF");
    try (ChildJvm node = ChildJvm.start("node", "dev.switchboard.gateway.Main",
        List.of("start", "--config", file.toString()), environment, work.resolve("node.log"))) {
      node.awaitReady("http://127.0.0.1:" + config.port() + "/ready", Duration.ofSeconds(120));
      List<String> tokens = OnContext.await(context, () -> new DeskAccounts(vertx, config.port())
          .signIn(adminPassword, config.agentIds()));
      RelayLoad load = new RelayLoad(vertx, context);
      Relay relay = new ChatRelay(vertx, config.port(), visitors, pairs, tokens, load);
      long opening = System.nanoTime();
      OnContext.await(context, relay::open);
      System.out.printf("  node: sockets open and %,d chats answered in %.1f s%n", OnContext.await(context,
          () -> Future.succeededFuture(relay.pairs())), (System.nanoTime() - opening) / 1e9);
      RelayLoad.Result result = load.run(relay, rate, warmUp, Duration.ofSeconds(seconds));
      long reading = System.nanoTime();
      OptionalLong after = node.heapUsedBytes(config.port());
      System.out.printf("  node: /metrics read in %d ms%n", (System.nanoTime() - reading) / 1_000_000);
      OptionalLong live = node.collectGarbage() ? node.heapUsedBytes(config.port()) : OptionalLong.empty();
      if (!node.alive()) {
        throw new IllegalStateException("the node died under load:\n" + node.tail());
      }
      OnContext.await(context, relay::close);
      return new NodeRun(result, after, live);
    }
  }

  private static RelayLoad.Result echoRun(Vertx vertx, Context context, Path work, int visitors, int agents,
      int pairs, int rate, int seconds, Duration warmUp) throws Exception {
    int port = OnContext.freePort();
    try (ChildJvm echo = ChildJvm.start("echo server", EchoServer.class.getName(), List.of(Integer.toString(port)),
        Map.of(), work.resolve("echo.log"))) {
      echo.awaitReady("http://127.0.0.1:" + port + "/", Duration.ofSeconds(60));
      RelayLoad load = new RelayLoad(vertx, context);
      Relay relay = new EchoRelay(vertx, port, visitors, agents, pairs, load);
      OnContext.await(context, relay::open);
      RelayLoad.Result result = load.run(relay, rate, warmUp, Duration.ofSeconds(seconds));
      OnContext.await(context, relay::close);
      return result;
    }
  }

  private static String mib(OptionalLong bytes) {
    return bytes.isPresent() ? Long.toString(bytes.getAsLong() / (1024 * 1024)) : "n/a";
  }
}
