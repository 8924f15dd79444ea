package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.AmiMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The AMI link's counters. Events are counted on the {@code ami-events} thread (one writer);
 * reconnects and drops on other threads; any thread may read a snapshot.
 */
final class AmiCounters {

  private final LongAdder events = new LongAdder();
  private final AtomicLong lastLagMillis = new AtomicLong(-1);
  private final AtomicLong maxLagMillis = new AtomicLong(-1);
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile long currentSecond;
  private volatile long currentCount;
  private volatile long lastSecondCount;

  void eventReceived(long nowMillis, Duration lag) {
    events.increment();
    long second = nowMillis / 1000;
    if (second != currentSecond) {
      lastSecondCount = second == currentSecond + 1 ? currentCount : 0;
      currentSecond = second;
      currentCount = 0;
    }
    currentCount = currentCount + 1;
    if (lag != null) {
      long millis = Math.max(0, lag.toMillis());
      lastLagMillis.set(millis);
      maxLagMillis.accumulateAndGet(millis, Math::max);
    }
  }

  void reconnected() {
    reconnects.incrementAndGet();
  }

  void dropped() {
    dropped.incrementAndGet();
  }

  AmiMetrics snapshot(long nowMillis) {
    long second = nowMillis / 1000;
    long lastSecond = second == currentSecond + 1 ? currentCount
        : second == currentSecond ? lastSecondCount : 0;
    return new AmiMetrics(events.sum(), lastSecond, lastLagMillis.get(), maxLagMillis.get(),
        reconnects.get(), dropped.get());
  }
}
