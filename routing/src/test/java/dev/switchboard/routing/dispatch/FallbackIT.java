package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.queue.BusinessHours;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.MaxWait;
import dev.switchboard.routing.queue.OpenPeriod;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fallback requests reach the channels through the event feed: escalation steps, maximum wait, closing time. */
class FallbackIT {

  private static final QueueId DAY = new QueueId("day");
  private static final QueueId VIP = new QueueId("vip");

  private final RoutingFixture center = new RoutingFixture(Centers.rules(Centers.rules().costs(),
      QueuePolicy.of(DAY, EnumSet.of(Channel.CHAT), Map.of())
          .withHours(new BusinessHours(ZoneOffset.UTC, Map.of(DayOfWeek.MONDAY,
              List.of(new OpenPeriod(LocalTime.of(9, 0), LocalTime.of(10, 30)))), Set.of(), "leave-message")),
      QueuePolicy.of(VIP, EnumSet.of(Channel.VOICE), Map.of("sales", 9))
          .withEscalations(List.of(new EscalationStep(Duration.ofSeconds(20), new EscalationAction.RaisePriority(100)),
              new EscalationStep(Duration.ofSeconds(40), new EscalationAction.Fallback("offer-callback"))))
          .withMaxWait(new MaxWait(Duration.ofSeconds(120), "voicemail"))), RoutingSettings.defaults());
  private final LinkedBlockingQueue<RoutingEvent.FallbackRequested> fallbacks = new LinkedBlockingQueue<>();
  private StatefulRedisPubSubConnection<String, String> pubsub;

  @BeforeEach
  void listen() {
    pubsub = center.redis.client().connectPubSub();
    EventFeed feed = new EventFeed(center.vertx, center.redis.store().keys(), pubsub);
    await(feed.start(event -> {
      if (event instanceof RoutingEvent.FallbackRequested fallback) {
        fallbacks.add(fallback);
      }
    }));
  }

  @AfterEach
  void close() {
    pubsub.close();
    center.close();
  }

  private RoutingEvent.FallbackRequested nextFallback() throws InterruptedException {
    RoutingEvent.FallbackRequested fallback = fallbacks.poll(5, TimeUnit.SECONDS);
    assertThat(fallback).as("a fallback request within 5 s").isNotNull();
    return fallback;
  }

  @Test
  void escalationRaisesPriorityThenAsksForTheFallbackThenTheMaximumWaitAction() throws InterruptedException {
    EnqueueResult.Queued early = (EnqueueResult.Queued) await(center.router.enqueue(ContactRequest.of(Channel.VOICE, VIP)));
    EnqueueResult.Queued boosted = (EnqueueResult.Queued) await(center.router.enqueue(
        ContactRequest.of(Channel.VOICE, VIP).withPriorityBoost(50)));
    center.clock.advance(Duration.ofSeconds(21));
    await(center.router.sweep());
    assertThat(await(center.view.contact(early.contact())).orElseThrow().priority()).isEqualTo(100);
    assertThat(await(center.view.waiting(VIP))).containsExactly(boosted.contact(), early.contact());

    center.clock.advance(Duration.ofSeconds(20));
    await(center.router.sweep());
    List<RoutingEvent.FallbackRequested> callbacks = List.of(nextFallback(), nextFallback());
    assertThat(callbacks).extracting(RoutingEvent.FallbackRequested::action).containsOnly("offer-callback");
    assertThat(callbacks).extracting(RoutingEvent.FallbackRequested::contact)
        .containsExactlyInAnyOrder(early.contact(), boosted.contact());

    center.clock.advance(Duration.ofSeconds(80));
    await(center.router.sweep());
    assertThat(nextFallback().action()).isEqualTo("voicemail");
  }

  @Test
  void closingTimeAsksTheChannelOfEveryWaitingContactForTheOutOfHoursFallbackOnce() throws InterruptedException {
    List<EnqueueResult.Queued> waiting = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      waiting.add((EnqueueResult.Queued) await(center.router.enqueue(ContactRequest.of(Channel.CHAT, DAY))));
    }
    await(center.router.sweep());
    center.clock.advance(Duration.ofMinutes(31));
    await(center.router.sweep());
    await(center.router.sweep());

    List<RoutingEvent.FallbackRequested> received = List.of(nextFallback(), nextFallback());
    assertThat(received).extracting(RoutingEvent.FallbackRequested::action).containsOnly("leave-message");
    assertThat(received).extracting(RoutingEvent.FallbackRequested::contact)
        .containsExactlyInAnyOrder(waiting.get(0).contact(), waiting.get(1).contact());
    assertThat(fallbacks.poll(300, TimeUnit.MILLISECONDS)).as("no second request").isNull();
  }
}
