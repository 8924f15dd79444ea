package dev.switchboard.channels.phone.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read – enqueue – dequeue – handle. Asterisk-Java's thread only {@link #offer}s into a bounded
 * queue and returns at once; the {@code ami-events} thread drains it into the translator. When the
 * queue is full the event is dropped, counted, and a resync is requested so nothing stays wrong.
 */
final class EventPump {

  private static final Logger log = LoggerFactory.getLogger(EventPump.class);

  private sealed interface Signal {}

  private record Received(ManagerEvent event, Instant receivedAt) implements Signal {}

  private record ResyncStarted(String actionId) implements Signal {}

  private record Stop() implements Signal {}

  private final BlockingQueue<Signal> queue;
  private final EventTranslator translator;
  private final ChannelTracker tracker;
  private final AmiCounters counters;
  private final Clock clock;
  private final Runnable onOverflow;
  private final AtomicBoolean overflowing = new AtomicBoolean();
  private Thread thread;

  EventPump(int capacity, ChannelTracker tracker, AmiCounters counters, Clock clock, Runnable onOverflow) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.tracker = tracker;
    this.translator = new EventTranslator(tracker);
    this.counters = counters;
    this.clock = clock;
    this.onOverflow = onOverflow;
  }

  synchronized void start() {
    if (thread == null) {
      thread = new Thread(this::drain, "ami-events");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Called on Asterisk-Java's thread: never blocks. */
  void offer(ManagerEvent event) {
    if (!queue.offer(new Received(event, clock.instant()))) {
      counters.dropped();
      if (overflowing.compareAndSet(false, true)) {
        log.warn("AMI event queue full ({} events): dropping events until it drains, then resyncing",
            queue.size());
        onOverflow.run();
      }
    }
  }

  /** Marks the start of a resync in the event stream; waits for room, up to {@code timeout}. */
  boolean resyncStarted(String actionId, Duration timeout) throws InterruptedException {
    overflowing.set(false);
    return queue.offer(new ResyncStarted(actionId), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized void stop() throws InterruptedException {
    if (thread != null) {
      queue.clear();
      queue.put(new Stop());
      thread.join(TimeUnit.SECONDS.toMillis(5));
      thread = null;
    }
  }

  private void drain() {
    try {
      while (true) {
        Signal signal = queue.take();
        if (signal instanceof Stop) {
          return;
        }
        handle(signal);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(Signal signal) {
    try {
      if (signal instanceof Received received) {
        Optional<Instant> stamped = AmiTime.of(received.event().getTimestamp());
        Instant now = clock.instant();
        counters.eventReceived(now.toEpochMilli(), stamped.map(at -> Duration.between(at, now)).orElse(null));
        translator.translate(received.event(), stamped.orElse(received.receivedAt()));
      } else if (signal instanceof ResyncStarted resync) {
        tracker.resyncStarted(resync.actionId());
      }
    } catch (RuntimeException e) {
      log.error("AMI event handling failed; the event is skipped and the link goes on", e);
    }
  }
}
