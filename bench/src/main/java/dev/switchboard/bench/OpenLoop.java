package dev.switchboard.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Fires arrivals at a fixed rate from the current Vert.x context; each arrival is told the moment it was due,
 * so latencies count any delay in sending it (no coordinated omission). The next arrival is scheduled on the
 * context's event loop for its due time to the nanosecond: with the native transport it fires within tens of
 * microseconds of it, with Java NIO within a millisecond (the selector's resolution).
 */
final class OpenLoop {

  /** One arrival: its number and the {@link System#nanoTime()} it was due. */
  interface Arrival {
    void arrive(long number, long dueNanos);
  }

  private final Vertx vertx;
  private final long intervalNanos;
  private final long durationNanos;
  private final Arrival arrival;
  private final LongConsumer finished;
  private Context context;
  private long started;
  private long sent;

  OpenLoop(Vertx vertx, int rate, Duration duration, Arrival arrival, LongConsumer finished) {
    this.vertx = vertx;
    this.intervalNanos = 1_000_000_000L / rate;
    this.durationNanos = duration.toNanos();
    this.arrival = arrival;
    this.finished = finished;
  }

  /**
   * A Vert.x for a load generator: one event loop, on the native transport where it loads, so that arrivals
   * fire on time.
   */
  static Vertx generatorVertx() {
    return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
  }

  /** Call on the context that should run the arrivals. */
  void start() {
    context = vertx.getOrCreateContext();
    started = System.nanoTime();
    fire();
  }

  private void fire() {
    long now = System.nanoTime();
    long end = Math.min(now, started + durationNanos);
    while (started + sent * intervalNanos <= end) {
      arrival.arrive(sent, started + sent * intervalNanos);
      sent++;
    }
    long next = started + sent * intervalNanos;
    if (next > started + durationNanos) {
      finished.accept(sent);
      return;
    }
    ((ContextInternal) context).nettyEventLoop()
        .schedule(() -> context.runOnContext(ignored -> fire()), next - System.nanoTime(), TimeUnit.NANOSECONDS);
  }
}
