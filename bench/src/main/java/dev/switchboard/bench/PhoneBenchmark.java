package dev.switchboard.bench;

import ch.qos.logback.classic.Level;
import dev.switchboard.channels.phone.AmiMetrics;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.routing.store.LocalRedisServer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The phone path end to end: a real node (its own JVM, 2 GiB heap cap) with a {@code phone:} section pointed at the
 * PBX simulator over TCP, a local Redis, and agent desktops on the node's WebSocket. The simulator places
 * {@code calls-per-second} calls for {@code seconds} through the node's FastAGI port; the agents' simulated phones
 * answer at once and hang up after {@code talk-ms}. Measures the AGI request to the screen-pop on a desktop, and the
 * AMI events/s the node took in meanwhile (from its {@code /metrics}); then a pure event flood in rising steps of
 * {@code flood-seconds} each for the highest rate the node's AMI link takes in without a growing lag.
 */
final class PhoneBenchmark {

  private static final String AMI_USER = "bench";

  private PhoneBenchmark() {}

  static void run(BenchArgs args) throws Exception {
    int rate = (int) args.number("calls-per-second", 200, 1, 5000);
    int seconds = (int) args.number("seconds", 60, 1, 3600);
    int talkMillis = (int) args.number("talk-ms", 1000, 0, 600_000);
    int agents = (int) args.number("agents", Math.max(50, (long) rate * (talkMillis / 1000 + 2)), 1, 20_000);
    int floodSeconds = (int) args.number("flood-seconds", 3, 0, 600);
    Duration warmUp = Duration.ofSeconds(args.number("warm-up-seconds", 90, 0, 600));
    quiet("dev.switchboard.channels.phone", Level.WARN);
    Path work = Files.createTempDirectory("switchboard-bench-phone");
    String secret = UUID.randomUUID().toString();
    int agiPort = OnContext.freePort();
    Vertx vertx = OpenLoop.generatorVertx();
    Context context = vertx.getOrCreateContext();
    try (LocalRedisServer redis = LocalRedisServer.startEphemeral();
        PbxSimulator pbx = PbxSimulator.builder().amiUser(AMI_USER, secret).agiServer(agiPort)
            .agiTimeout(Duration.ofSeconds(30)).start()) {
      PhoneNodeConfig config = new PhoneNodeConfig(OnContext.freePort(), redis.uri(), pbx.amiPort(), agiPort,
          AMI_USER, agents);
      Path file = Files.writeString(work.resolve("switchboard-bench.yaml"), config.yaml());
      String adminPassword = "bench-admin-" + Long.toHexString(System.nanoTime());
      Map<String, String> environment = Map.of("SWITCHBOARD_ADMIN_PASSWORD", adminPassword,
          PhoneNodeConfig.SECRET_VARIABLE, secret, "SWITCHBOARD_LOG_LEVEL", "WARN", "SWITCHBOARD_ACCESS_LOG", "OFF");
      try (ChildJvm node = ChildJvm.start("node", "dev.switchboard.gateway.Main",
          List.of("start", "--config", file.toString()), environment, work.resolve("node.log"))) {
        node.awaitReady("http://127.0.0.1:" + config.port() + "/ready", Duration.ofSeconds(120));
        long signing = System.nanoTime();
        List<String> tokens = OnContext.await(context, () -> new DeskAccounts(vertx, config.port())
            .signIn(adminPassword, config.agentIds()));
        PhoneLoad load = new PhoneLoad(vertx, context, pbx, Duration.ofMillis(talkMillis));
        PhoneDesks desks = new PhoneDesks(vertx, config.port(), tokens, load::offerSeen);
        OnContext.await(context, desks::open);
        System.out.printf("%,d agent desktops READY in %.1f s; calls at %,d/s for %d s (talk %d ms) after a %d s "
            + "warm-up%n", agents, (System.nanoTime() - signing) / 1e9, rate, seconds, talkMillis, warmUp.toSeconds());
        Supplier<AmiMetrics> ami = () -> amiMetrics(node, config.port());
        if (!warmUp.isZero()) {
          load.run(rate, warmUp);
        }
        AmiMetrics before = ami.get();
        long begin = System.nanoTime();
        PhoneLoad.Result calls = load.run(rate, Duration.ofSeconds(seconds));
        AmiMetrics after = ami.get();
        double loadEvents = (after.eventsReceived() - before.eventsReceived()) / ((System.nanoTime() - begin) / 1e9);
        System.out.println("calls: " + calls);
        System.out.printf("AMI under load: %,.0f events/s, last lag %d ms, max lag %d ms, %d dropped, %d reconnects%n",
            loadEvents, after.lastEventLagMillis(), after.maxEventLagMillis(),
            after.droppedEvents() - before.droppedEvents(), after.reconnects());
        if (desks.refusals() > 0) {
          System.out.printf("desktops: %,d refusals, first: %s%n", desks.refusals(), desks.firstRefusal());
        }
        Thread.sleep(talkMillis + 2000L);
        double flood = floodSeconds == 0 ? 0
            : AmiFlood.run(pbx, ami, Math.max(1000, (int) loadEvents), Duration.ofSeconds(floodSeconds));
        System.out.printf("AMI flood: highest rate taken in without a growing lag: %,.0f events/s%n", flood);
        if (!node.alive()) {
          throw new IllegalStateException("the node died under load:\n" + node.tail());
        }
        System.out.printf("RESULT phone events_per_s=%.0f calls_per_s=%.1f p99_ms=%.1f%n",
            floodSeconds == 0 ? loadEvents : flood, calls.callsPerSecond(), calls.p99());
        load.close();
        OnContext.await(context, desks::close);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** The node's AMI figures for the simulated PBX, read from its Prometheus scrape. */
  private static AmiMetrics amiMetrics(ChildJvm node, int port) {
    try {
      Map<String, Double> metrics = node.metrics(port);
      String pbx = "{pbx=\"" + PhoneNodeConfig.PBX_ID + "\"}";
      Double events = metrics.get("switchboard_ami_events_total" + pbx);
      if (events == null) {
        throw new IllegalStateException("the node's /metrics has no switchboard_ami_events_total" + pbx);
      }
      return new AmiMetrics(events.longValue(),
          metrics.getOrDefault("switchboard_ami_events_last_second" + pbx, 0.0).longValue(),
          millis(metrics.get("switchboard_ami_event_lag_seconds" + pbx)),
          millis(metrics.get("switchboard_ami_event_lag_max_seconds" + pbx)),
          metrics.getOrDefault("switchboard_ami_reconnects_total" + pbx, 0.0).longValue(),
          metrics.getOrDefault("switchboard_ami_dropped_events_total" + pbx, 0.0).longValue());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the node's /metrics: " + e.getMessage(), e);
    }
  }

  private static long millis(Double seconds) {
    return seconds == null || seconds.isNaN() ? -1 : Math.round(seconds * 1000);
  }

  /** Per-call INFO lines of the simulator would measure the console, not the node. */
  private static void quiet(String logger, Level level) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(level);
  }
}
