package dev.switchboard.channels.phone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.PhoneEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventPumpTest {

  private final CountDownLatch handlerBlocked = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<PhoneEvent> delivered = new CopyOnWriteArrayList<>();
  private final AtomicInteger overflows = new AtomicInteger();
  private final AmiCounters counters = new AmiCounters();
  private final EventPump pump = new EventPump(16, new ChannelTracker(this::slowSink), counters, Clock.systemUTC(),
      overflows::incrementAndGet);

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    pump.stop();
  }

  @Test
  void fullQueueDropsCountsAndAsksForOneResyncWithoutBlockingTheReader() throws Exception {
    pump.start();
    pump.offer(newChannel(0));
    assertThat(handlerBlocked.await(5, TimeUnit.SECONDS)).isTrue();

    long began = System.nanoTime();
    for (int index = 1; index <= 40; index++) {
      pump.offer(newChannel(index));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
    assertThat(counters.snapshot(System.currentTimeMillis()).droppedEvents()).isEqualTo(24);
    assertThat(overflows).hasValue(1);

    release.countDown();
    assertThat(pump.resyncStarted("r1", Duration.ofSeconds(5))).isTrue();
    pump.offer(newChannel(99));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (delivered.size() < 18 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(delivered).hasSize(18);
    assertThat(overflows).hasValue(1);
  }

  private void slowSink(PhoneEvent event) {
    delivered.add(event);
    handlerBlocked.countDown();
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private NewChannelEvent newChannel(int index) {
    NewChannelEvent event = new NewChannelEvent(this);
    event.setUniqueId("1." + index);
    event.setChannel("PJSIP/trunk-" + index);
    event.setChannelState(0);
    event.setLinkedid("1." + index);
    return event;
  }
}
