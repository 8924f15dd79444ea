package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.Centers.SALES;
import static dev.switchboard.routing.dispatch.Centers.FRENCH;
import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatchingIT {

  private RoutingFixture center;

  @AfterEach
  void close() {
    if (center != null) {
      center.close();
    }
  }

  private RoutingFixture center(RoutingRules rules) {
    center = new RoutingFixture(rules, RoutingSettings.defaults());
    return center;
  }

  private AgentId ready(AgentProfile profile) {
    await(center.router.login(profile));
    await(center.router.setPresence(profile.id(), Presence.ready()));
    return profile.id();
  }

  private EnqueueResult.Queued enqueue(ContactRequest request) {
    return (EnqueueResult.Queued) await(center.router.enqueue(request));
  }

  private Optional<AgentId> agentOf(ContactId contact) {
    return await(center.view.contact(contact)).orElseThrow().agent();
  }

  @Test
  void servesHigherPriorityFirstThenOriginalEntryTimeSoACallbackKeepsItsPlace() {
    center(Centers.rules());
    ContactRequest plain = ContactRequest.of(Channel.VOICE, SALES);
    enqueue(plain);
    center.clock.advance(Duration.ofSeconds(5));
    ContactRequest gold = ContactRequest.of(Channel.VOICE, SALES).withAttributes(Map.of("tier", "gold"));
    enqueue(gold);
    center.clock.advance(Duration.ofSeconds(5));
    ContactRequest callback = ContactRequest.of(Channel.CALLBACK, SALES)
        .withOriginalEntry(RoutingFixture.START.minusSeconds(60));
    enqueue(callback);

    assertThat(await(center.view.waiting(SALES))).containsExactly(gold.id(), callback.id(), plain.id());

    AgentId first = ready(Centers.seller("ann"));
    assertThat(agentOf(gold.id())).contains(first);
    assertThat(agentOf(plain.id())).isEmpty();
  }

  @Test
  void aClockSteppedBackEntersNewContactsAtTheCenterClockNotBeforeEarlierOnes() {
    center(Centers.rules());
    ContactRequest first = ContactRequest.of(Channel.VOICE, SALES);
    enqueue(first);
    center.clock.advance(Duration.ofSeconds(2));
    ContactRequest second = ContactRequest.of(Channel.VOICE, SALES);
    enqueue(second);
    center.clock.advance(Duration.ofMinutes(-10));
    ContactRequest third = ContactRequest.of(Channel.VOICE, SALES);
    enqueue(third);

    List<ContactId> waiting = await(center.view.waiting(SALES));
    assertThat(waiting).hasSize(3).first().isEqualTo(first.id());
    assertThat(entered(third.id())).as("entered at the center clock, not 10 minutes earlier")
        .isEqualTo(entered(second.id())).isAfter(entered(first.id()));
    assertThat(agentOf(first.id())).isEmpty();
    AgentId ann = ready(Centers.seller("ann"));
    assertThat(agentOf(first.id())).contains(ann);
  }

  private Instant entered(ContactId contact) {
    return await(center.view.contact(contact)).orElseThrow().entered();
  }

  @Test
  void offersToTheLongestIdleAgentWithTheSkillAtTheLevel() {
    center(Centers.rules());
    ready(Centers.agent("junior", Map.of("sales", 4)));
    center.clock.advance(Duration.ofSeconds(1));
    AgentId longestIdle = ready(Centers.seller("ann"));
    center.clock.advance(Duration.ofSeconds(1));
    AgentId later = ready(Centers.seller("bob"));

    EnqueueResult.Queued first = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    EnqueueResult.Queued second = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    EnqueueResult.Queued third = enqueue(ContactRequest.of(Channel.VOICE, SALES));

    assertThat(first.offer()).map(Offer::agent).contains(longestIdle);
    assertThat(second.offer()).map(Offer::agent).contains(later);
    assertThat(third.offer()).isEmpty();
  }

  @Test
  void fillsCapacityWithChatsButNeverPutsTwoCallsOnOneAgent() {
    center(Centers.rules(new ChannelCosts(Map.of(Channel.CHAT, 33))));
    AgentId ann = ready(Centers.seller("ann").withCapacity(200));
    for (int i = 0; i < 3; i++) {
      assertThat(enqueue(ContactRequest.of(Channel.CHAT, SALES)).offer()).map(Offer::agent).contains(ann);
    }
    EnqueueResult.Queued call = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    assertThat(call.offer()).map(Offer::agent).contains(ann);
    assertThat(enqueue(ContactRequest.of(Channel.VOICE, SALES)).offer()).as("second call").isEmpty();
    assertThat(enqueue(ContactRequest.of(Channel.CHAT, SALES)).offer()).as("over 200 units").isEmpty();
    assertThat(await(center.view.agent(ann)).orElseThrow().used()).isEqualTo(199);
  }

  @Test
  void defaultChatCostLetsAnAgentOfHundredUnitsTakeTwoChats() {
    center(Centers.rules());
    AgentId ann = ready(Centers.seller("ann"));
    assertThat(enqueue(ContactRequest.of(Channel.CHAT, SALES)).offer()).isPresent();
    assertThat(enqueue(ContactRequest.of(Channel.CHAT, SALES)).offer()).isPresent();
    assertThat(enqueue(ContactRequest.of(Channel.EMAIL, SALES)).offer()).as("68 + 20 fits").isPresent();
    assertThat(enqueue(ContactRequest.of(Channel.CHAT, SALES)).offer()).as("88 + 34 does not").isEmpty();
    assertThat(await(center.view.agent(ann)).orElseThrow().used()).isEqualTo(88);
  }

  @Test
  void respectsTheAgentsMaximumPerChannel() {
    center(Centers.rules());
    AgentId ann = ready(Centers.seller("ann").withMaxPerChannel(Map.of(Channel.EMAIL, 1)));
    assertThat(enqueue(ContactRequest.of(Channel.EMAIL, SALES)).offer()).map(Offer::agent).contains(ann);
    assertThat(enqueue(ContactRequest.of(Channel.EMAIL, SALES)).offer()).isEmpty();
  }

  @Test
  void waitsForTheBusyPreferredAgentWithinTheBoundThenTakesAnyone() {
    center(Centers.rules());
    AgentId ann = ready(Centers.seller("ann"));
    EnqueueResult.Queued busy = enqueue(ContactRequest.of(Channel.VOICE, SALES));
    assertThat(busy.offer()).map(Offer::agent).contains(ann);
    AgentId bob = ready(Centers.seller("bob"));

    EnqueueResult.Queued loyal = enqueue(ContactRequest.of(Channel.VOICE, SALES).withPreferredAgent(ann));
    assertThat(loyal.offer()).as("waits for ann although bob is free").isEmpty();

    await(center.router.accept(busy.contact(), ann));
    assertThat(await(center.router.complete(busy.contact(), ann, Optional.empty(), ""))).isEqualTo(ContactState.ENDED);
    assertThat(agentOf(loyal.contact())).as("ann free again").contains(ann);
    await(center.router.accept(loyal.contact(), ann));

    EnqueueResult.Queued later = enqueue(ContactRequest.of(Channel.VOICE, SALES).withPreferredAgent(ann));
    assertThat(later.offer()).isEmpty();
    center.clock.advance(RoutingSettings.defaults().preferredAgentWait().plusSeconds(1));
    await(center.router.sweep());
    assertThat(agentOf(later.contact())).as("after the bounded wait").contains(bob);
  }

  @Test
  void doesNotWaitForAPreferredAgentWhoIsOffline() {
    center(Centers.rules());
    AgentId bob = ready(Centers.seller("bob"));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.CHAT, SALES).withPreferredAgent(new AgentId("gone")));
    assertThat(contact.offer()).map(Offer::agent).contains(bob);
  }

  @Test
  void escalationRelaxesTheSkillThenAddsAnotherQueuesAgentsThenAsksForAFallback() {
    center(Centers.rules());
    ready(Centers.seller("seller"));
    AgentId learner = ready(Centers.agent("learner", Map.of("french", 5)));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.VOICE, FRENCH));
    assertThat(contact.offer()).isEmpty();

    center.clock.advance(Duration.ofSeconds(31));
    await(center.router.sweep());
    assertThat(agentOf(contact.contact())).contains(learner);
    assertThat(await(center.view.contact(contact.contact())).orElseThrow().level()).isEqualTo(1);
  }

  @Test
  void escalationAddsAgentsOfAnotherQueueAfterItsWait() {
    center(Centers.rules());
    AgentId seller = ready(Centers.seller("seller"));
    EnqueueResult.Queued contact = enqueue(ContactRequest.of(Channel.VOICE, FRENCH));
    center.clock.advance(Duration.ofSeconds(31));
    await(center.router.sweep());
    assertThat(agentOf(contact.contact())).isEmpty();
    center.clock.advance(Duration.ofSeconds(30));
    await(center.router.sweep());
    assertThat(agentOf(contact.contact())).contains(seller);
  }
}
