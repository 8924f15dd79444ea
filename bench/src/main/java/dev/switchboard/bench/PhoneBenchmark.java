package dev.switchboard.bench;

import ch.qos.logback.classic.Level;
import dev.switchboard.channels.phone.AmiLink;
import dev.switchboard.channels.phone.AmiMetrics;
import dev.switchboard.channels.phone.AmiSettings;
import dev.switchboard.channels.phone.CallerHangupRelay;
import dev.switchboard.channels.phone.FastAgiEntry;
import dev.switchboard.channels.phone.FastAgiSettings;
import dev.switchboard.channels.phone.PhoneEventListener;
import dev.switchboard.channels.phone.calls.CallNotes;
import dev.switchboard.channels.phone.calls.PhoneCallSettings;
import dev.switchboard.channels.phone.calls.PhoneCalls;
import dev.switchboard.channels.phone.calls.RoutedCallIntake;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.RedisCustomerDirectory;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.store.LocalRedisServer;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The phone path end to end on one machine: the PBX simulator places {@code calls-per-second} calls
 * for {@code seconds} against the real FastAGI entry, AMI link, {@link PhoneCalls}, router and a local
 * Redis, with enough simulated agents answering at once and talking {@code talk-ms}. Reports the AMI
 * events/s taken in during the load (and the lag), then a pure event flood in rising steps of
 * {@code flood-seconds} each for the highest rate the link takes in without a growing lag.
 */
final class PhoneBenchmark {

  private PhoneBenchmark() {}

  static void run(BenchArgs args) throws Exception {
    int rate = (int) args.number("calls-per-second", 200, 1, 5000);
    int seconds = (int) args.number("seconds", 60, 1, 3600);
    int talkMillis = (int) args.number("talk-ms", 1000, 0, 600_000);
    int agents = (int) args.number("agents", Math.max(50, 2L * rate * (talkMillis / 1000 + 2)), 1, 100_000);
    int floodSeconds = (int) args.number("flood-seconds", 3, 0, 600);
    quiet("dev.switchboard.channels.phone", Level.WARN);
    quiet("org.asteriskjava", Level.ERROR);
    try (LocalRedisServer redis = LocalRedisServer.startEphemeral()) {
      Vertx vertx = Vertx.vertx();
      RedisClient client = BenchRedis.client(redis.uri());
      try (StatefulRedisConnection<String, String> connection = client.connect();
          StatefulRedisPubSubConnection<String, String> events = client.connectPubSub()) {
        Bench bench = new Bench(vertx, new RedisStore(vertx, connection, "bench-phone"), events);
        bench.start(agents);
        System.out.printf("%,d agents answering; calls at %,d/s for %d s (talk %d ms) after a 5 s warm-up%n",
            agents, rate, seconds, talkMillis);
        PhoneLoad load = new PhoneLoad(vertx, bench.context, bench.pbx, Duration.ofMillis(talkMillis));
        bench.load = load;
        load.run(rate, Duration.ofSeconds(5));
        AmiMetrics before = bench.ami.metrics();
        long begin = System.nanoTime();
        PhoneLoad.Result calls = load.run(rate, Duration.ofSeconds(seconds));
        AmiMetrics after = bench.ami.metrics();
        double loadEvents = (after.eventsReceived() - before.eventsReceived()) / ((System.nanoTime() - begin) / 1e9);
        System.out.println("calls: " + calls);
        System.out.printf("AMI under load: %,.0f events/s, last lag %d ms, max lag %d ms, %d dropped, %d reconnects%n",
            loadEvents, after.lastEventLagMillis(), after.maxEventLagMillis(),
            after.droppedEvents() - before.droppedEvents(), after.reconnects());
        Thread.sleep(talkMillis + 2000L);
        double flood = floodSeconds == 0 ? 0
            : AmiFlood.run(bench.pbx, bench.ami, Math.max(1000, (int) loadEvents), Duration.ofSeconds(floodSeconds));
        System.out.printf("AMI flood: highest rate taken in without a growing lag: %,.0f events/s%n", flood);
        System.out.printf("RESULT phone events_per_s=%.0f calls_per_s=%.1f p99_ms=%.1f%n",
            floodSeconds == 0 ? loadEvents : flood, calls.callsPerSecond(), calls.p99());
        load.close();
        bench.stop();
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        client.shutdown();
      }
    }
  }

  /** Per-call INFO lines and Asterisk-Java's slow-event dumps would measure the console, not the link. */
  private static void quiet(String logger, Level level) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(level);
  }

  /** The production parts wired as the gateway wires them, all on one context. */
  private static final class Bench {
    final Vertx vertx;
    final Context context;
    final Router router;
    final EventFeed feed;
    final PbxSimulator pbx;
    final AmiLink ami;
    final PhoneCalls calls;
    final FastAgiEntry entry;
    volatile PhoneLoad load;

    Bench(Vertx vertx, RedisStore store, StatefulRedisPubSubConnection<String, String> events) throws Exception {
      this.vertx = vertx;
      this.context = vertx.getOrCreateContext();
      int agiPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        agiPort = socket.getLocalPort();
      }
      router = new Router(vertx, store, Clock.systemUTC(), new RoutingRules(Set.of("general"), Set.of("break"),
          ChannelCosts.defaults(), List.of(QueuePolicy.of(new QueueId("support"), EnumSet.of(Channel.VOICE),
              Map.of("general", 1)))), RoutingSettings.defaults(), ended -> Future.succeededFuture());
      feed = new EventFeed(vertx, store.keys(), events);
      pbx = PbxSimulator.builder().amiUser("bench", "bench").agiServer(agiPort).agiTimeout(Duration.ofSeconds(30))
          .start();
      PhoneEventListener[] listeners = new PhoneEventListener[2];
      ami = new AmiLink(vertx, AmiSettings.of("127.0.0.1", pbx.amiPort(), "bench", "bench"), event -> {
            listeners[0].onEvent(event);
            listeners[1].onEvent(event);
          });
      calls = new PhoneCalls(vertx, context, ami, router, new RoutingView(store, Clock.systemUTC()),
          agent -> Optional.of("PJSIP/" + agent.value()), CallNotes.ignore(), PhoneCallSettings.defaults(),
          Clock.systemUTC());
      FastAgiSettings agi = new FastAgiSettings("127.0.0.1", agiPort, 1000, Duration.ofSeconds(10));
      RoutedCallIntake intake = new RoutedCallIntake(
          new RedisCustomerDirectory(store, new IdentityNormalizer("DE"), 100, Clock.systemUTC()), router, calls,
          agi.intakeTimeout(), Clock.systemUTC());
      CallerHangupRelay relay = new CallerHangupRelay(context, intake);
      listeners[0] = relay;
      listeners[1] = calls;
      entry = new FastAgiEntry(vertx, agi, intake,
          raw -> Optional.of(raw).filter(number -> number.matches("\\+[1-9][0-9]{4,14}")), relay);
    }

    void start(int agents) throws Exception {
      onContext(() -> router.start()
          .compose(started -> feed.start(event -> {
            PhoneLoad measuring = load;
            if (measuring != null) {
              measuring.offerSeen(event);
            }
            calls.onRouting(event);
          }))
          .compose(subscribed -> entry.start())
          .compose(listening -> ami.start())
          .compose(linking -> calls.start()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!ami.status().isReady()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("AMI link to the simulator not up: " + ami.status());
        }
        Thread.sleep(20);
      }
      for (int from = 0; from < agents; from += 200) {
        int first = from;
        onContext(() -> {
          List<Future<Void>> batch = new ArrayList<>();
          for (int i = first; i < Math.min(agents, first + 200); i++) {
            AgentId id = new AgentId(Integer.toString(10_000 + i));
            batch.add(router.login(AgentProfile.of(id, "Agent " + i, Map.of("general", 5))
                    .withChannels(EnumSet.of(Channel.VOICE)).withPhoneDevice("PJSIP/" + id.value()))
                .compose(session -> router.setPresence(id, Presence.ready())));
          }
          return Future.all(batch).mapEmpty();
        });
      }
    }

    void stop() throws Exception {
      onContext(() -> calls.stop().compose(done -> ami.stop()).compose(done -> entry.stop())
          .compose(done -> feed.stop()).compose(done -> router.stop()));
      pbx.close();
    }

    private <T> T onContext(Supplier<Future<T>> action) throws Exception {
      Promise<T> promise = Promise.promise();
      context.runOnContext(ignored -> action.get().onComplete(promise));
      return promise.future().toCompletionStage().toCompletableFuture().get();
    }
  }
}
