package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.Centers.BILLING;
import static dev.switchboard.routing.dispatch.Centers.SALES;
import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static dev.switchboard.routing.dispatch.RoutingFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.contact.Outcome;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.BusinessHours;
import dev.switchboard.routing.queue.OpenPeriod;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfferLifecycleIT {

  private static final QueueId SUPPORT = new QueueId("support");
  private static final QueueId NIGHT = new QueueId("night");
  private static final QueueId QUICK = new QueueId("quick");

  private final RoutingFixture center = new RoutingFixture(Centers.rules(
      Centers.rules().costs(),
      QueuePolicy.of(SUPPORT, EnumSet.allOf(Channel.class), Map.of()).withWrapUp(Duration.ofSeconds(30), Set.of("solved", "escalated")),
      QueuePolicy.of(NIGHT, EnumSet.of(Channel.VOICE), Map.of()).withHours(new BusinessHours(ZoneId.of("Europe/Paris"),
          Map.of(DayOfWeek.MONDAY, List.of(new OpenPeriod(LocalTime.of(20, 0), LocalTime.of(23, 0)))), Set.of(),
          "leave-message")),
      QueuePolicy.of(QUICK, EnumSet.of(Channel.CHAT), Map.of())), RoutingSettings.defaults());

  @AfterEach
  void close() {
    center.close();
  }

  private AgentId ready(AgentProfile profile) {
    await(center.router.login(profile));
    await(center.router.setPresence(profile.id(), Presence.ready()));
    return profile.id();
  }

  private EnqueueResult.Queued enqueue(ContactRequest request) {
    return (EnqueueResult.Queued) await(center.router.enqueue(request));
  }

  private ContactSnapshot snapshot(EnqueueResult.Queued contact) {
    return await(center.view.contact(contact.contact())).orElseThrow();
  }

  @Test
  void anUnansweredOfferMakesTheAgentMissedAndPutsTheContactBackAtTheHead() {
    AgentId ann = ready(Centers.seller("ann"));
    EnqueueResult.Queued first = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    center.clock.advance(Duration.ofSeconds(2));
    EnqueueResult.Queued second = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    assertThat(first.offer()).map(Offer::agent).contains(ann);

    center.clock.advance(Duration.ofSeconds(21));
    assertThat(await(center.router.sweep())).isGreaterThanOrEqualTo(1);

    AgentSnapshot agent = await(center.view.agent(ann)).orElseThrow();
    assertThat(agent.presence()).isEqualTo(Presence.notReady(Presence.MISSED));
    assertThat(agent.used()).isZero();
    assertThat(snapshot(first).state()).isEqualTo(ContactState.QUEUED);
    assertThat(await(center.view.waiting(SALES))).containsExactly(first.contact(), second.contact());
    assertThat(failure(center.router.accept(first.contact(), ann))).isInstanceOf(OfferExpiredException.class);
  }

  @Test
  void acceptingAnOfferPastItsDeadlineFailsAndChangesNothing() {
    AgentId ann = ready(Centers.seller("ann"));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.CHAT, SALES));
    center.clock.advance(Duration.ofSeconds(21));

    assertThat(failure(center.router.accept(contact.contact(), ann))).isInstanceOf(OfferExpiredException.class)
        .hasMessageContaining(contact.contact().value()).hasMessageContaining("ann");
    assertThat(snapshot(contact).state()).isEqualTo(ContactState.OFFERED);
    assertThat(await(center.view.history(contact.contact()))).extracting(ContactTransition::to)
        .containsExactly(ContactState.QUEUED, ContactState.OFFERED);
  }

  @Test
  void aRejectedContactGoesToAnotherAgentAndNeverBackToTheOneWhoRejected() {
    AgentId ann = ready(Centers.seller("ann"));
    center.clock.advance(Duration.ofSeconds(1));
    AgentId bob = ready(Centers.seller("bob"));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.CHAT, SALES));
    assertThat(contact.offer()).map(Offer::agent).contains(ann);

    await(center.router.reject(contact.contact(), ann));
    assertThat(snapshot(contact).agent()).contains(bob);
    await(center.router.reject(contact.contact(), bob));

    assertThat(snapshot(contact).state()).isEqualTo(ContactState.QUEUED);
    assertThat(await(center.view.agent(ann)).orElseThrow().presence()).isEqualTo(Presence.ready());
    assertThat(failure(center.router.reject(contact.contact(), bob))).isInstanceOf(OfferExpiredException.class);
  }

  @Test
  void aWithdrawnOfferBlamesNoOneAndComesBackToTheSameAgentAtTheNextSweep() {
    AgentId ann = ready(Centers.seller("ann"));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    assertThat(contact.offer()).map(Offer::agent).contains(ann);

    await(center.router.withdraw(contact.contact(), ann));
    assertThat(snapshot(contact).state()).as("not offered again at once").isEqualTo(ContactState.QUEUED);
    assertThat(await(center.view.agent(ann)).orElseThrow().presence()).isEqualTo(Presence.ready());

    await(center.router.sweep());
    assertThat(snapshot(contact).state()).isEqualTo(ContactState.OFFERED);
    assertThat(snapshot(contact).agent()).contains(ann);
  }

  @Test
  void aCustomerLeavingDuringTheOfferEndsAbandonedWithItsWaitAndFreesTheAgent() {
    AgentId ann = ready(Centers.seller("ann"));
    center.clock.advance(Duration.ofSeconds(1));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.VOICE, SALES).withCustomer(new CustomerId("c-42")));
    center.clock.advance(Duration.ofSeconds(7));

    EndedContact ended = await(center.router.abandon(contact.contact()));

    assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
    assertThat(ended.waited()).isEqualTo(Duration.ofSeconds(7));
    assertThat(center.outcomes.ended).containsExactly(ended);
    assertThat(await(center.view.agent(ann)).orElseThrow().used()).isZero();
    assertThat(failure(center.router.accept(contact.contact(), ann))).isInstanceOf(OfferExpiredException.class);
    assertThat(enqueue(ContactRequest.of(Channel.VOICE, SALES)).offer()).map(Offer::agent).contains(ann);
  }

  @Test
  void transferToAQueueKeepsTheOriginalEntryAndReachesThatQueuesAgents() {
    AgentId ann = ready(Centers.seller("ann"));
    AgentId bill = ready(Centers.agent("bill", Map.of("billing", 5)));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    await(center.router.accept(contact.contact(), ann));
    center.clock.advance(Duration.ofSeconds(40));

    await(center.router.transferToQueue(contact.contact(), ann, BILLING));

    ContactSnapshot moved = snapshot(contact);
    assertThat(moved.queue()).isEqualTo(BILLING);
    assertThat(moved.entered()).isEqualTo(RoutingFixture.START);
    assertThat(moved.agent()).contains(bill);
    assertThat(await(center.view.agent(ann)).orElseThrow().used()).isZero();
    assertThat(await(center.view.history(contact.contact()))).extracting(ContactTransition::to).containsExactly(
        ContactState.QUEUED, ContactState.OFFERED, ContactState.ACTIVE, ContactState.QUEUED, ContactState.OFFERED);
  }

  @Test
  void transferToAQueueThatDoesNotTakeTheChannelIsRefusedAndChangesNothing() {
    AgentId ann = ready(Centers.seller("ann"));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.EMAIL, SALES));
    await(center.router.accept(contact.contact(), ann));

    assertThat(failure(center.router.transferToQueue(contact.contact(), ann, Centers.FRENCH)))
        .isInstanceOf(UnsupportedChannelException.class).hasMessageContaining("EMAIL");
    assertThat(snapshot(contact).state()).isEqualTo(ContactState.ACTIVE);
    assertThat(snapshot(contact).queue()).isEqualTo(SALES);
  }

  @Test
  void transferToAnAgentWaitsForThatAgent() {
    AgentId ann = ready(Centers.seller("ann"));
    center.clock.advance(Duration.ofSeconds(1));
    AgentId bob = ready(Centers.seller("bob"));
    center.clock.advance(Duration.ofSeconds(1));
    AgentId cid = ready(Centers.seller("cid"));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    await(center.router.accept(contact.contact(), ann));

    await(center.router.transferToAgent(contact.contact(), ann, cid));

    assertThat(snapshot(contact).agent()).as("cid, not the longest idle bob").contains(cid);
    assertThat(failure(center.router.transferToQueue(contact.contact(), ann, new QueueId("nowhere"))))
        .isInstanceOf(UnknownQueueException.class);
    assertThat(bob).isNotNull();
  }

  @Test
  void completingWrapsUpWithCapacityHeldThenEndsHandledIntoTheOutcomes() {
    AgentId ann = ready(AgentProfile.of(new AgentId("ann"), "Ann", Map.of()));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.VOICE, SUPPORT).withCustomer(new CustomerId("c-7")));
    center.clock.advance(Duration.ofSeconds(3));
    await(center.router.accept(contact.contact(), ann));
    center.clock.advance(Duration.ofSeconds(60));
    assertThat(await(center.router.complete(contact.contact(), ann, Optional.of("solved"), "refund sent")))
        .isEqualTo(ContactState.WRAP_UP);
    EnqueueResult.Queued next = enqueue(ContactRequest.of(Channel.VOICE, SUPPORT));
    assertThat(next.offer()).as("capacity held during wrap-up").isEmpty();

    center.clock.advance(Duration.ofSeconds(31));
    await(center.router.sweep());

    assertThat(center.outcomes.ended).singleElement().satisfies(ended -> {
      assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
      assertThat(ended.customer()).contains(new CustomerId("c-7"));
      assertThat(ended.agent()).contains(ann);
      assertThat(ended.disposition()).contains("solved");
      assertThat(ended.notes()).isEqualTo("refund sent");
      assertThat(ended.waited()).isEqualTo(Duration.ofSeconds(3));
      assertThat(ended.rang()).isEqualTo(Duration.ofSeconds(3));
      assertThat(ended.handled()).isEqualTo(Duration.ofSeconds(60));
      assertThat(ended.wrappedUp()).isEqualTo(Duration.ofSeconds(31));
    });
    assertThat(snapshot(next).agent()).as("matched when capacity freed").contains(ann);
  }

  @Test
  void completingInAQueueWithoutWrapUpEndsHandledWithItsHandleTime() {
    AgentId ann = ready(AgentProfile.of(new AgentId("ann"), "Ann", Map.of()));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.CHAT, QUICK).withCustomer(new CustomerId("c-8")));
    center.clock.advance(Duration.ofSeconds(2));
    await(center.router.accept(contact.contact(), ann));
    center.clock.advance(Duration.ofSeconds(45));

    assertThat(await(center.router.complete(contact.contact(), ann, Optional.empty(), ""))).isEqualTo(ContactState.ENDED);

    assertThat(center.outcomes.ended).singleElement().satisfies(ended -> {
      assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
      assertThat(ended.handled()).isEqualTo(Duration.ofSeconds(45));
      assertThat(ended.wrappedUp()).isEqualTo(Duration.ZERO);
    });
  }

  @Test
  void finishingWrapUpEarlyChecksTheDispositionCode() {
    AgentId ann = ready(AgentProfile.of(new AgentId("ann"), "Ann", Map.of()));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.EMAIL, SUPPORT));
    await(center.router.accept(contact.contact(), ann));
    await(center.router.complete(contact.contact(), ann, Optional.empty(), ""));

    assertThat(failure(center.router.finishWrapUp(contact.contact(), ann, Optional.of("lost"), "")))
        .isInstanceOf(InvalidCodeException.class).hasMessageContaining("lost").hasMessageContaining("solved");
    EndedContact ended = await(center.router.finishWrapUp(contact.contact(), ann, Optional.of("escalated"), "to tier 2"));

    assertThat(ended.disposition()).contains("escalated");
    assertThat(await(center.view.agent(ann)).orElseThrow().used()).isZero();
    assertThat(failure(center.router.complete(contact.contact(), ann, Optional.empty(), "")))
        .isInstanceOf(ContactStateException.class);
  }

  @Test
  void aQueueConfiguredAnewByAnotherNodeAppliesToTheNextRunAtOnce() {
    AgentId ann = ready(AgentProfile.of(new AgentId("ann"), "Ann", Map.of()));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.EMAIL, SUPPORT));
    await(center.router.accept(contact.contact(), ann));
    assertThat(failure(center.router.complete(contact.contact(), ann, Optional.of("refunded"), "")))
        .isInstanceOf(InvalidCodeException.class).hasMessageContaining("refunded");

    RoutingRules changed = Centers.rules(Centers.rules().costs(), QueuePolicy.of(SUPPORT, EnumSet.allOf(Channel.class),
        Map.of()).withWrapUp(Duration.ofSeconds(30), Set.of("solved", "escalated", "refunded")));
    Router other = new Router(center.vertx, center.redis.store(), center.clock, changed,
        RoutingSettings.defaults().withSweepInterval(Duration.ofHours(1)), center.outcomes);
    await(other.start());
    try {
      assertThat(await(center.router.complete(contact.contact(), ann, Optional.of("refunded"), "")))
          .as("the queue's new codes, though this node read the old ones before").isEqualTo(ContactState.WRAP_UP);
    } finally {
      await(other.stop());
    }
  }

  @Test
  void aClosedQueueAnswersWithItsFallbackAndStoresNothing() {
    ContactRequest request = ContactRequest.of(Channel.VOICE, NIGHT);
    EnqueueResult result = await(center.router.enqueue(request));

    assertThat(result).isEqualTo(new EnqueueResult.Closed(request.id(), NIGHT, "leave-message"));
    assertThat(await(center.view.contact(request.id()))).isEmpty();
    assertThat(await(center.view.waiting(NIGHT))).isEmpty();

    center.clock.advance(Duration.ofHours(10)); // 21:00 in Paris on a Monday
    assertThat(await(center.router.enqueue(ContactRequest.of(Channel.VOICE, NIGHT)))).isInstanceOf(EnqueueResult.Queued.class);
  }

  @Test
  void aChannelTheQueueDoesNotTakeIsRejected() {
    ContactRequest request = ContactRequest.of(Channel.EMAIL, NIGHT);
    assertThat(failure(center.router.enqueue(request))).isInstanceOf(UnsupportedChannelException.class)
        .hasMessageContaining("queue night does not take EMAIL contacts: it takes [VOICE]");
    assertThat(await(center.view.contact(request.id()))).isEmpty();
  }

  @Test
  void anUnknownQueueIsRejectedAndNothingIsStored() {
    ContactRequest request = ContactRequest.of(Channel.CHAT, new QueueId("nowhere"));
    assertThat(failure(center.router.enqueue(request))).isInstanceOf(UnknownQueueException.class)
        .hasMessageContaining("nowhere").hasMessageContaining("sales");
    assertThat(await(center.view.contact(request.id()))).isEmpty();
    List<String> contactKeys = await(center.redis.store().run(redis -> redis.keys(center.redis.store().keys().key("c", "*"))));
    assertThat(contactKeys).isEmpty();
  }
}
