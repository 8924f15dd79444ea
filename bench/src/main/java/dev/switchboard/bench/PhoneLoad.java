package dev.switchboard.bench;

import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.channels.phone.sim.SimCall;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Incoming calls from the PBX simulator at a fixed rate, open loop: each call runs AGI against the
 * node's FastAGI port, waits to be offered, is answered by the simulated agent phone and hangs up the talk
 * time after the offer. Measures the AGI request (the moment the call was due) to the offer (screen-pop)
 * arriving on an agent's desktop socket, keyed by the caller's number the pop carries.
 */
final class PhoneLoad {

  /** What one run did. */
  record Result(long calls, int queued, int refused, int offered, double seconds, double p50, double p99,
      double agiP99) {
    double callsPerSecond() {
      return queued / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,d calls in %.1f s: %,d queued (%.0f/s), %,d refused, %,d offered; "
          + "AGI->offer p50 %.1f ms p99 %.1f ms (AGI->dialplan variables p99 %.1f ms)", calls, seconds, queued,
          callsPerSecond(), refused, offered, p50, p99, agiP99);
    }
  }

  private final Vertx vertx;
  private final Context measuring;
  private final PbxSimulator pbx;
  private final Duration talk;
  private final ScheduledExecutorService phones = Executors.newScheduledThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "bench-phones");
    thread.setDaemon(true);
    return thread;
  });
  private record Placed(long due, SimCall call, int run) {}

  private final Map<String, Placed> placed = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private Latencies latencies = new Latencies(1);
  private Latencies agiLatencies = new Latencies(1);
  private int offered;
  private volatile int runs;
  private long serial;

  /** {@code measuring} is the context the desktops' frames arrive on ({@link #offerSeen} runs there). */
  PhoneLoad(Vertx vertx, Context measuring, PbxSimulator pbx, Duration talk) {
    this.vertx = vertx;
    this.measuring = measuring;
    this.pbx = pbx;
    this.talk = talk;
  }

  /**
   * Records the latency of the first offer of the call from {@code caller} (E.164) reaching a desktop; later offers
   * of the same call (after a missed one) are not counted again. Call on the measuring context.
   */
  void offerSeen(String caller) {
    Placed call = placed.remove(caller);
    if (call != null && call.run() == runs) {
      latencies.record((System.nanoTime() - call.due()) / 1000);
      offered++;
    }
    if (call != null) {
      phones.schedule(call.call()::agentHangsUp, talk.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  Result run(int rate, Duration duration) throws Exception {
    Promise<Long> sent = Promise.promise();
    queued.set(0);
    refused.set(0);
    runs++;
    measuring.runOnContext(ignored -> {
      latencies = new Latencies(rate * (int) Math.max(1, duration.toSeconds()));
      agiLatencies = new Latencies(rate * (int) Math.max(1, duration.toSeconds()));
      offered = 0;
    });
    long begin = System.nanoTime();
    vertx.getOrCreateContext().runOnContext(ignored ->
        new OpenLoop(vertx, rate, duration, (number, due) -> call(due), sent::complete).start());
    long calls = sent.future().toCompletionStage().toCompletableFuture().get();
    long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (queued.get() + refused.get() < calls && System.nanoTime() < settle) {
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    Promise<Result> result = Promise.promise();
    measuring.runOnContext(ignored -> result.complete(new Result(calls, queued.get(), refused.get(), offered,
        duration.toMillis() / 1000.0, latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
        agiLatencies.percentileMillis(0.99))));
    return result.future().toCompletionStage().toCompletableFuture().get();
  }

  private void call(long due) {
    String caller = String.format("+4930%09d", ++serial);
    SimCall call = pbx.incomingCall(caller, "route?queue=support");
    placed.put(caller, new Placed(due, call, runs));
    call.agiResult().whenComplete((variables, failure) -> {
      if (failure != null || !"QUEUED".equals(variables.get("SWITCHBOARD_STATUS"))) {
        refused.incrementAndGet();
        placed.remove(caller);
        return;
      }
      queued.incrementAndGet();
      long agiMicros = (System.nanoTime() - due) / 1000;
      int run = runs;
      measuring.runOnContext(ignored -> {
        if (run == runs) {
          agiLatencies.record(agiMicros);
        }
      });
      phones.schedule(() -> abandonUnoffered(caller), 60, TimeUnit.SECONDS);
    });
  }

  /** A caller never offered within a minute gives up, so the simulator does not fill with calls. */
  private void abandonUnoffered(String caller) {
    Placed call = placed.remove(caller);
    if (call != null) {
      call.call().abandon();
    }
  }

  void close() {
    phones.shutdownNow();
  }
}
