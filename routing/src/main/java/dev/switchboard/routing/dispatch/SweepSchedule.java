package dev.switchboard.routing.dispatch;

import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Keeps one timer armed for the earliest known routing deadline (an offer timeout, a timer the last
 * sweep reported), so deadlines are swept when due rather than on the next periodic tick. Thread-safe.
 */
final class SweepSchedule {

  private final Vertx vertx;
  private final Clock clock;
  private final Runnable sweep;
  private long dueAt = Long.MAX_VALUE;
  private long timer = -1;
  private boolean stopped;

  SweepSchedule(Vertx vertx, Clock clock, Runnable sweep) {
    this.vertx = vertx;
    this.clock = clock;
    this.sweep = sweep;
  }

  synchronized void dueBy(long epochMillis) {
    if (stopped || epochMillis >= dueAt) {
      return;
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    dueAt = epochMillis;
    long delay = Math.max(1, epochMillis - clock.millis() + 1);
    timer = vertx.setTimer(delay, id -> fire());
  }

  synchronized void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void fire() {
    synchronized (this) {
      timer = -1;
      dueAt = Long.MAX_VALUE;
    }
    sweep.run();
  }
}
