package dev.switchboard.bench;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingEvent;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Contacts arriving at a fixed rate into the real router, and simulated agents that accept every
 * offer the moment its event arrives and complete after the handle time. Everything runs on one
 * Vert.x context, so the bookkeeping needs no locks.
 */
final class ContactLoad {

  /**
   * What one run measured. Latencies in milliseconds, arrival to offer event.
   *
   * @param kernel the kernel memory monitor's passes and the contacts they did not touch
   *     ({@link KernelPasses#describe}), empty where the kernel runs none
   * @param slow where the contacts offered later than {@link #SLOW_MILLIS} arrived ({@link Latencies#slowBursts}),
   *     empty when none was
   */
  record Result(long sent, long offered, long errors, long waitingAtEnd, double seconds, double p50, double p99,
      double p999, String kernel, String slow) {
    double offeredRate() {
      return offered / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,d arrived, %,d offered (%.0f/s), %d errors, %d still waiting; "
          + "arrival->offer p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms", sent, offered, offeredRate(), errors,
          waitingAtEnd, p50, p99, p999);
    }
  }

  private final Vertx vertx;
  private final Router router;
  private final EventFeed feed;
  private final int handleMillis;
  private final Context context;
  private Map<ContactId, Long> arrivals = new HashMap<>();
  private Latencies latencies = new Latencies(16);
  /** The target's p99 bound: the contacts offered later than this are told apart by when they arrived. */
  static final double SLOW_MILLIS = 10;
  private long offered;
  private long errors;
  private long runStarted;

  ContactLoad(Vertx vertx, Router router, EventFeed feed, int handleMillis) {
    this.vertx = vertx;
    this.router = router;
    this.feed = feed;
    this.handleMillis = handleMillis;
    this.context = vertx.getOrCreateContext();
  }

  void start() throws Exception {
    Promise<Void> started = Promise.promise();
    context.runOnContext(ignored -> feed.start(this::onEvent).onComplete(started));
    started.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** One open-loop run; it starts once the JIT compilers are quiet ({@link Compilations}). */
  Result run(int rate, Duration duration) throws Exception {
    Compilations.awaitQuiet();
    Promise<Result> done = Promise.promise();
    context.runOnContext(ignored -> {
      arrivals = new HashMap<>();
      latencies = new Latencies((int) Math.min(50_000_000L, (long) rate * duration.toSeconds()));
      offered = 0;
      errors = 0;
      runStarted = System.nanoTime();
      KernelPasses.machine();
      new OpenLoop(vertx, rate, duration, this::arrive, sent -> finish(sent, duration, done)).start();
    });
    return done.future().toCompletionStage().toCompletableFuture().get(duration.toSeconds() + 120, TimeUnit.SECONDS);
  }

  private void arrive(long n, long dueNanos) {
    ContactRequest request = RoutingBenchmark.request(n);
    arrivals.put(request.id(), dueNanos);
    router.enqueue(request).onFailure(failure -> errors++);
  }

  private void onEvent(RoutingEvent event) {
    if (!(event instanceof RoutingEvent.ContactChanged changed) || changed.state() != ContactState.OFFERED) {
      return;
    }
    Long arrived = arrivals.remove(changed.contact());
    if (arrived != null) {
      latencies.record((System.nanoTime() - arrived) / 1000, arrived);
      offered++;
    }
    AgentId agent = changed.agent().orElseThrow();
    router.accept(changed.contact(), agent).onComplete(accepted -> {
      if (accepted.failed()) {
        errors++;
        return;
      }
      vertx.setTimer(Math.max(1, handleMillis), timer -> router.complete(changed.contact(), agent, Optional.empty(), "")
          .compose(state -> state == ContactState.WRAP_UP
              ? router.finishWrapUp(changed.contact(), agent, Optional.empty(), "").mapEmpty()
              : io.vertx.core.Future.succeededFuture())
          .onFailure(failure -> errors++));
    });
  }

  private void finish(long sent, Duration duration, Promise<Result> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    vertx.setPeriodic(10, timer -> {
      if (arrivals.isEmpty() || System.nanoTime() > deadline) {
        vertx.cancelTimer(timer);
        done.tryComplete(new Result(sent, offered, errors, arrivals.size(), duration.toNanos() / 1e9,
            latencies.percentileMillis(0.50), latencies.percentileMillis(0.99), latencies.percentileMillis(0.999),
            KernelPasses.machine().describe(latencies, runStarted, System.nanoTime()),
            latencies.slowBursts(SLOW_MILLIS, runStarted)));
      }
    });
  }
}
