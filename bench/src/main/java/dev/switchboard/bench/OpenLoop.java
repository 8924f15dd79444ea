package dev.switchboard.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Fires arrivals at a fixed rate from the current Vert.x context in 1 ms ticks; each arrival is told
 * the moment it was due, so latencies count any delay in sending it (no coordinated omission).
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
  private long started;
  private long sent;

  OpenLoop(Vertx vertx, int rate, Duration duration, Arrival arrival, LongConsumer finished) {
    this.vertx = vertx;
    this.intervalNanos = 1_000_000_000L / rate;
    this.durationNanos = duration.toNanos();
    this.arrival = arrival;
    this.finished = finished;
  }

  /** Call on the context that should run the arrivals. */
  void start() {
    started = System.nanoTime();
    vertx.setPeriodic(1, 1, timer -> {
      long now = System.nanoTime();
      long end = Math.min(now, started + durationNanos);
      while (started + sent * intervalNanos <= end) {
        arrival.arrive(sent, started + sent * intervalNanos);
        sent++;
      }
      if (now >= started + durationNanos) {
        vertx.cancelTimer(timer);
        finished.accept(sent);
      }
    });
  }
}
