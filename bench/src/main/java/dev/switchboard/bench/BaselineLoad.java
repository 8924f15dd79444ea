package dev.switchboard.bench;

import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The routing benchmark's baseline: per contact the same Redis work with no routing logic: one
 * script call that publishes a payload of an offer event's size, the subscriber receiving it, then
 * two more script calls standing for accept and complete. Same rate, same open loop.
 */
final class BaselineLoad {

  private static final LuaScript SCRIPT = LuaScript.load("/dev/switchboard/bench/baseline.lua", ScriptOutputType.INTEGER);
  private static final String PADDING = "x".repeat(300);

  private final Vertx vertx;
  private final RedisStore store;
  private final StatefulRedisPubSubConnection<String, String> events;
  private final String channel;
  private final Context context;
  private final Map<String, Long> arrivals = new HashMap<>();
  private Latencies latencies;
  private long received;
  private long errors;
  private long runStarted;

  BaselineLoad(Vertx vertx, RedisStore store, StatefulRedisPubSubConnection<String, String> events) {
    this.vertx = vertx;
    this.store = store;
    this.events = events;
    this.channel = store.keys().key("baseline");
    this.context = vertx.getOrCreateContext();
  }

  ContactLoad.Result run(int rate, Duration duration) throws Exception {
    events.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        if (channel.equals(from)) {
          context.runOnContext(ignored -> onMessage(message));
        }
      }
    });
    events.sync().subscribe(channel);
    Promise<ContactLoad.Result> done = Promise.promise();
    context.runOnContext(ignored -> {
      latencies = new Latencies((int) Math.min(50_000_000L, (long) rate * duration.toSeconds()));
      runStarted = System.nanoTime();
      KernelPasses.machine();
      new OpenLoop(vertx, rate, duration, this::arrive, sent -> finish(sent, duration, done)).start();
    });
    return done.future().toCompletionStage().toCompletableFuture().get(duration.toSeconds() + 60, TimeUnit.SECONDS);
  }

  private void arrive(long n, long dueNanos) {
    String id = Long.toString(n);
    arrivals.put(id, dueNanos);
    store.<Long>eval(SCRIPT, new String[] {channel}, id + ":" + PADDING).onFailure(failure -> errors++);
  }

  private void onMessage(String message) {
    Long due = arrivals.remove(message.substring(0, message.indexOf(':')));
    if (due == null) {
      return;
    }
    latencies.record((System.nanoTime() - due) / 1000, due);
    received++;
    String[] keys = {store.keys().key("baseline-sink")};
    store.<Long>eval(SCRIPT, keys, "accept").compose(ok -> store.<Long>eval(SCRIPT, keys, "complete"))
        .onFailure(failure -> errors++);
  }

  private void finish(long sent, Duration duration, Promise<ContactLoad.Result> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    vertx.setPeriodic(10, timer -> {
      if (arrivals.isEmpty() || System.nanoTime() > deadline) {
        vertx.cancelTimer(timer);
        done.tryComplete(new ContactLoad.Result(sent, received, errors, arrivals.size(), duration.toNanos() / 1e9,
            latencies.percentileMillis(0.50), latencies.percentileMillis(0.99), latencies.percentileMillis(0.999),
            KernelPasses.machine().describe(latencies, runStarted, System.nanoTime()),
            latencies.slowBursts(ContactLoad.SLOW_MILLIS, runStarted)));
      }
    });
  }
}
