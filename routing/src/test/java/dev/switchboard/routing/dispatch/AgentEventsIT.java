package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.Centers.SALES;
import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static dev.switchboard.routing.dispatch.RoutingFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.agent.AgentSession;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentEventsIT {

  private final RoutingFixture center = new RoutingFixture(Centers.rules(), RoutingSettings.defaults().withBacklogSize(5));

  @AfterEach
  void close() {
    center.close();
  }

  @Test
  void aSecondLoginReplacesTheFirstSessionAndTellsIt() {
    AgentSession first = await(center.router.login(Centers.seller("ann")));
    await(center.router.setPresence(first.agent(), Presence.ready()));
    AgentSession second = await(center.router.login(Centers.seller("ann")));

    assertThat(first.replaced()).isEmpty();
    assertThat(second.replaced()).contains(first.session());
    assertThat(await(center.view.agent(first.agent())).orElseThrow().presence()).as("presence kept").isEqualTo(Presence.ready());
    EventBacklog backlog = await(center.view.eventsAfter(first.agent(), 2));
    assertThat(backlog.events()).singleElement().isInstanceOfSatisfying(RoutingEvent.SessionReplaced.class, replaced -> {
      assertThat(replaced.session()).isEqualTo(first.session());
      assertThat(replaced.by()).isEqualTo(second.session());
      assertThat(replaced.seq()).isEqualTo(3);
    });
  }

  @Test
  void everyAgentEventHasTheNextSequenceNumberAndTheBacklogReturnsExactlyWhatWasMissed() {
    AgentId ann = await(center.router.login(Centers.seller("ann"))).agent();
    await(center.router.setPresence(ann, Presence.ready()));
    EnqueueResult.Queued contact = (EnqueueResult.Queued) await(center.router.enqueue(
        ContactRequest.of(Channel.CHAT, SALES).withCustomer(new CustomerId("c-1")).withAttributes(Map.of("tier", "gold"))));
    await(center.router.accept(contact.contact(), ann));

    EventBacklog all = await(center.view.eventsAfter(ann, 0));
    assertThat(all.complete()).isTrue();
    assertThat(all.events()).extracting(RoutingEvent::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(all.events().get(2)).isInstanceOfSatisfying(RoutingEvent.ContactChanged.class, offer -> {
      assertThat(offer.state()).isEqualTo(ContactState.OFFERED);
      assertThat(offer.customer()).contains(new CustomerId("c-1"));
      assertThat(offer.attributes()).containsEntry("tier", "gold");
      assertThat(offer.deadline()).contains(RoutingFixture.START.plus(Duration.ofSeconds(20)));
    });
    EventBacklog missed = await(center.view.eventsAfter(ann, 2));
    assertThat(missed.events()).extracting(RoutingEvent::seq).containsExactly(3L, 4L);
    assertThat(missed.last()).isEqualTo(4);
    assertThat(await(center.view.eventsAfter(ann, 4)).events()).isEmpty();
  }

  @Test
  void stateCountsCountEachAgentOnceWithNeverLoggedInAsOffline() {
    AgentId ann = await(center.router.login(Centers.seller("ann"))).agent();
    await(center.router.setPresence(ann, Presence.ready()));
    AgentId bo = await(center.router.login(Centers.seller("bo"))).agent();
    await(center.router.setPresence(bo, Presence.notReady("break")));
    AgentId cy = await(center.router.login(Centers.seller("cy"))).agent();
    await(center.router.logout(cy));

    assertThat(await(center.view.stateCounts(List.of(ann, bo, cy, new AgentId("never")))))
        .containsExactlyInAnyOrderEntriesOf(Map.of(AgentState.READY, 1, AgentState.NOT_READY, 1, AgentState.OFFLINE, 2));
    assertThat(await(center.view.stateCounts(List.of()))).isEmpty();
  }

  @Test
  void theBacklogIsBoundedAndSaysWhenEventsWereDropped() {
    AgentId ann = await(center.router.login(Centers.seller("ann"))).agent();
    for (int i = 0; i < 4; i++) {
      await(center.router.setPresence(ann, Presence.ready()));
      await(center.router.setPresence(ann, Presence.notReady("break")));
    }
    EventBacklog old = await(center.view.eventsAfter(ann, 1));
    assertThat(old.complete()).isFalse();
    assertThat(old.events()).extracting(RoutingEvent::seq).containsExactly(5L, 6L, 7L, 8L, 9L);
    assertThat(await(center.view.eventsAfter(ann, 4)).complete()).isTrue();
  }

  @Test
  void unknownReasonCodesAndPresenceOfAgentsNotLoggedInAreRefused() {
    AgentId ann = await(center.router.login(Centers.seller("ann"))).agent();
    assertThat(failure(center.router.setPresence(ann, Presence.notReady("nap")))).isInstanceOf(InvalidCodeException.class)
        .hasMessageContaining("nap").hasMessageContaining("break");
    assertThat(failure(center.router.setPresence(new AgentId("ghost"), Presence.ready())))
        .isInstanceOf(UnknownAgentException.class).hasMessageContaining("ghost");
    assertThat(failure(center.router.login(Centers.agent("x", Map.of("cooking", 3)))))
        .hasMessageContaining("unknown skill 'cooking'");
  }

  @Test
  void loggingOutWithdrawsOpenOffersBackToTheQueue() {
    AgentId ann = await(center.router.login(Centers.seller("ann"))).agent();
    await(center.router.setPresence(ann, Presence.ready()));
    EnqueueResult.Queued contact = (EnqueueResult.Queued) await(center.router.enqueue(ContactRequest.of(Channel.VOICE, SALES)));
    await(center.router.logout(ann));
    assertThat(await(center.view.contact(contact.contact())).orElseThrow().state()).isEqualTo(ContactState.QUEUED);
    AgentSnapshot agent = await(center.view.agent(ann)).orElseThrow();
    assertThat(agent.used()).isZero();
    assertThat(agent.session()).isEmpty();
  }

  @Test
  void everyNodeReceivesPublishedEventsThroughTheFeed() throws InterruptedException {
    StatefulRedisPubSubConnection<String, String> pubsub = center.redis.client().connectPubSub();
    try {
      EventFeed feed = new EventFeed(center.vertx, center.redis.store().keys(), pubsub);
      LinkedBlockingQueue<RoutingEvent> received = new LinkedBlockingQueue<>();
      await(feed.start(received::add));
      AgentId ann = await(center.router.login(Centers.seller("ann"))).agent();
      await(center.router.setPresence(ann, Presence.ready()));

      RoutingEvent login = received.poll(5, TimeUnit.SECONDS);
      RoutingEvent ready = received.poll(5, TimeUnit.SECONDS);
      assertThat(login).isInstanceOf(RoutingEvent.AgentChanged.class);
      assertThat(ready).isInstanceOfSatisfying(RoutingEvent.AgentChanged.class, changed -> {
        assertThat(changed.presence()).isEqualTo(Presence.ready());
        assertThat(changed.recipient()).contains(ann);
        assertThat(changed.seq()).isEqualTo(2);
      });
      await(feed.stop());
    } finally {
      pubsub.close();
    }
  }

  @Test
  void statisticsCountTodaysContactsAndTheAgentsTime() {
    AgentId ann = await(center.router.login(Centers.seller("ann"))).agent();
    await(center.router.setPresence(ann, Presence.ready()));
    EnqueueResult.Queued answered = (EnqueueResult.Queued) await(center.router.enqueue(ContactRequest.of(Channel.VOICE, SALES)));
    EnqueueResult.Queued abandoned = (EnqueueResult.Queued) await(center.router.enqueue(ContactRequest.of(Channel.VOICE, SALES)));
    center.clock.advance(Duration.ofSeconds(10));
    await(center.router.accept(answered.contact(), ann));
    center.clock.advance(Duration.ofSeconds(30));
    await(center.router.abandon(abandoned.contact()));
    await(center.router.enqueue(ContactRequest.of(Channel.VOICE, SALES)));
    center.clock.advance(Duration.ofSeconds(50));
    await(center.router.complete(answered.contact(), ann, Optional.empty(), ""));

    QueueStats queue = await(center.view.queueStats(SALES));
    assertThat(queue.offered()).isEqualTo(3);
    assertThat(queue.answered()).isEqualTo(1);
    assertThat(queue.abandoned()).isEqualTo(1);
    assertThat(queue.serviceLevel()).isEqualTo(100.0);
    assertThat(queue.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(10));
    assertThat(queue.averageHandleTime()).isEqualTo(Duration.ofSeconds(80));
    assertThat(queue.waiting()).isZero();
    AgentStats agent = await(center.view.agentStats(ann));
    assertThat(agent.handled()).isEqualTo(1);
    assertThat(agent.occupancy()).isBetween(88.0, 89.0);
    List<ContactTransition> history = await(center.view.history(answered.contact()));
    assertThat(history).extracting(ContactTransition::to).containsExactly(ContactState.QUEUED, ContactState.OFFERED,
        ContactState.ACTIVE, ContactState.ENDED);
  }
}
