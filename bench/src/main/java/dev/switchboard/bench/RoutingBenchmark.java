package dev.switchboard.bench;

import dev.switchboard.config.RedisSettings;
import dev.switchboard.gateway.redis.RedisConnection;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactOutcomes;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.store.LocalRedisServer;
import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Future;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real routing engine on a local Redis: {@code agents} agents log in and accept every offer at
 * once, finishing each contact after {@code handle-ms}; contacts arrive at {@code rate} per second
 * over a mix of voice, chat, email and callback queues. Measures arrival (the channel's enqueue
 * call) to the offer event reaching this node, open loop. Baseline: the same number of Redis round
 * trips per contact with no routing logic, at the same rate.
 */
final class RoutingBenchmark {

  private static final List<QueueId> QUEUES = List.of(new QueueId("voice"), new QueueId("chat"),
      new QueueId("email"), new QueueId("billing"), new QueueId("callback"));
  private static final Channel[] CHANNEL_OF = {Channel.VOICE, Channel.CHAT, Channel.EMAIL, Channel.VOICE, Channel.CALLBACK};
  private static final int[] MIX = {25, 40, 15, 10, 10};

  private RoutingBenchmark() {}

  static void run(BenchArgs args) throws Exception {
    int agents = (int) args.number("agents", 2000, 1, 100_000);
    int rate = (int) args.number("rate", 5000, 1, 100_000);
    int seconds = (int) args.number("seconds", 30, 1, 3600);
    int handleMillis = (int) args.number("handle-ms", 100, 0, 600_000);
    List<Long> also = args.numbers("also", 1, 100_000);
    int eventLoops = (int) args.number("event-loops", VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, 1, 64);
    long history = args.number("history-keys", 0, 0, 50_000_000);
    int warmUp = (int) args.number("warm-up-seconds", 60, 1, 600);
    try (LocalRedisServer redis = LocalRedisServer.startEphemeral()) {
      // Vert.x and Redis connections set up as a node sets them up (native transport, one connection per event
      // loop), but with a command timeout long enough to let an overloaded run show its backlog rather than fail
      Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(eventLoops));
      RedisConnection link = RedisConnection.open(new RedisSettings(Optional.of(redis.uri()), Optional.empty(),
          "bench", Path.of("data"), Duration.ofSeconds(60), Duration.ofSeconds(5)), new SimpleMeterRegistry());
      try {
        StatefulRedisPubSubConnection<String, String> events = link.openPubSub();
        StatefulRedisPubSubConnection<String, String> baselineEvents = link.openPubSub();
        RedisStore store = new RedisStore(vertx, link.perEventLoop(vertx), "bench");
        Router router = new Router(vertx, store, Clock.systemUTC(), rules(), RoutingSettings.defaults(),
            ended -> Future.succeededFuture());
        await(router.start());
        fillHistory(store, history);
        loginAll(router, agents);
        System.out.printf("%,d agents ready; contacts at %,d/s for %d s (handle %d ms) after a %d s warm-up%n",
            agents, rate, seconds, handleMillis, warmUp);
        // the baseline first: an overloaded routing run leaves a backlog that would still load Redis after it
        RedisCpu cpu = RedisCpu.read(store);
        ContactLoad.Result baseline = new BaselineLoad(vertx, store, baselineEvents).run(rate, Duration.ofSeconds(seconds));
        System.out.println("baseline: " + baseline);
        System.out.println("  " + cpu.since(store, baseline.sent()));
        slow(baseline);
        KernelPasses.print(baseline.kernel());
        ContactLoad load = new ContactLoad(vertx, router, new EventFeed(vertx, store.keys(), events), handleMillis);
        load.start();
        // warm up at the first rate measured: a warm-up above what the engine sustains would leave a backlog
        // (a minute by default, as the other benchmarks: the JIT compilers done, the heap settled, and Redis's hash
        // tables grown past the doublings an empty Redis goes through first; docs/PERFORMANCE.md)
        ContactLoad.Result warm = load.run(also.isEmpty() ? rate : also.get(0).intValue(), Duration.ofSeconds(warmUp));
        System.out.println("warm-up:  " + warm);
        for (long other : also) {
          cpu = RedisCpu.read(store);
          ContactLoad.Result step = load.run((int) other, Duration.ofSeconds(seconds));
          System.out.printf("STEP routing rate=%.0f p50_ms=%.3f p99_ms=%.3f (%s)%n", step.offeredRate(), step.p50(),
              step.p99(), step);
          System.out.println("  " + cpu.since(store, step.sent()));
          slow(step);
          KernelPasses.print(step.kernel());
        }
        cpu = RedisCpu.read(store);
        ContactLoad.Result routing = load.run(rate, Duration.ofSeconds(seconds));
        System.out.println("routing:  " + routing);
        System.out.println("  " + cpu.since(store, routing.sent()));
        slow(routing);
        KernelPasses.print(routing.kernel());
        System.out.printf("RESULT routing rate=%.0f p50_ms=%.3f p99_ms=%.3f baseline_ratio=%.2f%n",
            routing.offeredRate(), routing.p50(), routing.p99(), routing.p99() / baseline.p99());
        await(router.stop());
      } finally {
        link.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
      }
    }
  }

  private static final LuaScript HISTORY = LuaScript.load("/dev/switchboard/bench/history.lua", ScriptOutputType.INTEGER);

  /** Writes {@code keys} keys with a week's time to live, in chunks, before the run (see docs/PERFORMANCE.md). */
  private static void fillHistory(RedisStore store, long keys) {
    String prefix = store.keys().key("history") + ":";
    String[] slot = {store.keys().key("history")};
    for (long first = 0; first < keys; first += 20_000) {
      long count = Math.min(20_000, keys - first);
      await(store.<Long>eval(HISTORY, slot, prefix, Long.toString(first), Long.toString(count), "604800"));
    }
    if (keys > 0) {
      System.out.printf("Redis holds %,d keys of an earlier period%n", keys);
    }
  }

  private static void slow(ContactLoad.Result result) {
    if (!result.slow().isEmpty()) {
      System.out.println("  slow: " + result.slow());
    }
  }

  static RoutingRules rules() {
    Set<String> skills = Set.of("general", "billing");
    List<QueuePolicy> queues = new ArrayList<>();
    for (int i = 0; i < QUEUES.size(); i++) {
      Map<String, Integer> needs = QUEUES.get(i).value().equals("billing") ? Map.of("billing", 3) : Map.of("general", 1);
      queues.add(QueuePolicy.of(QUEUES.get(i), EnumSet.of(CHANNEL_OF[i]), needs));
    }
    return new RoutingRules(skills, Set.of("break"), ChannelCosts.defaults(), queues);
  }

  /** Which queue contact number {@code n} goes to, following {@link #MIX}. */
  static int queueOf(long n) {
    int slot = (int) ((n * 37) % 100);
    for (int i = 0; i < MIX.length; i++) {
      if (slot < MIX[i]) {
        return i;
      }
      slot -= MIX[i];
    }
    return 0;
  }

  static ContactRequest request(long n) {
    int queue = queueOf(n);
    return ContactRequest.of(CHANNEL_OF[queue], QUEUES.get(queue));
  }

  private static void loginAll(Router router, int agents) {
    for (int from = 0; from < agents; from += 200) {
      List<Future<Void>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(agents, from + 200); i++) {
        AgentProfile profile = new AgentProfile(new AgentId(String.format("agent-%05d", i)), "Agent " + i,
            Map.of("general", 5, "billing", 1 + i % 9), AgentProfile.DEFAULT_CAPACITY, EnumSet.allOf(Channel.class),
            java.util.Optional.empty(), Map.of());
        batch.add(router.login(profile).compose(session -> router.setPresence(profile.id(), Presence.ready())));
      }
      await(Future.all(batch));
    }
  }

  /**
   * Redis's own counters (INFO cpu and commandstats), to report the CPU and the commands it spent per contact in a
   * run; commands run inside scripts and functions are counted too.
   */
  record RedisCpu(double userSeconds, double systemSeconds, Map<String, Long> calls, long nanos) {

    private static final Pattern CPU = Pattern.compile("used_cpu_(user|sys):([0-9.]+)");
    private static final Pattern CALLS = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)");

    static RedisCpu read(RedisStore store) {
      String info = await(store.run(redis -> redis.info("everything")));
      double user = 0;
      double system = 0;
      Matcher field = CPU.matcher(info);
      while (field.find()) {
        if (field.group(1).equals("user")) {
          user = Double.parseDouble(field.group(2));
        } else {
          system = Double.parseDouble(field.group(2));
        }
      }
      Map<String, Long> calls = new TreeMap<>();
      Matcher command = CALLS.matcher(info);
      while (command.find()) {
        calls.put(command.group(1), Long.parseLong(command.group(2)));
      }
      return new RedisCpu(user, system, calls, System.nanoTime());
    }

    /** What Redis spent since this reading, per contact of the {@code contacts} sent: CPU, then commands. */
    String since(RedisStore store, long contacts) {
      RedisCpu now = read(store);
      double wall = (now.nanos - nanos) / 1e9;
      double user = now.userSeconds - userSeconds;
      double system = now.systemSeconds - systemSeconds;
      StringBuilder commands = new StringBuilder();
      long total = 0;
      for (Map.Entry<String, Long> entry : now.calls.entrySet()) {
        long count = entry.getValue() - calls.getOrDefault(entry.getKey(), 0L);
        if (!entry.getKey().equals("info") && count * 100 >= contacts) {
          commands.append(String.format(", %s %.2f", entry.getKey(), (double) count / contacts));
        }
        total += entry.getKey().equals("info") ? 0 : count;
      }
      return String.format("Redis CPU: %.0f %% of a core (user %.0f %%, system %.0f %%); per contact %.0f us (user %.0f, "
          + "system %.0f) and %.1f commands%s", 100 * (user + system) / wall, 100 * user / wall, 100 * system / wall,
          1e6 * (user + system) / contacts, 1e6 * user / contacts, 1e6 * system / contacts, (double) total / contacts,
          commands);
    }
  }

  static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }

  static boolean offered(RoutingEvent event) {
    return event instanceof RoutingEvent.ContactChanged changed && changed.state() == ContactState.OFFERED;
  }

  static ContactId contactOf(RoutingEvent event) {
    return ((RoutingEvent.ContactChanged) event).contact();
  }
}
