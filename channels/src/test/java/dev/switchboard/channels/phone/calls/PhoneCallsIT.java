package dev.switchboard.channels.phone.calls;

import static dev.switchboard.channels.phone.calls.PhoneFixture.WAIT;
import static dev.switchboard.channels.phone.calls.PhoneFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.sim.AgentBehaviour;
import dev.switchboard.channels.phone.sim.AmiMessage;
import dev.switchboard.channels.phone.sim.SimCall;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.contact.Outcome;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.Identities;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import dev.switchboard.routing.dispatch.ContactTransition;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.queue.QueueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls from the simulated PBX through FastAGI, the AMI link, the router on Redis and back. */
class PhoneCallsIT {

  private static final Map<String, Integer> SUPPORT = Map.of("support", 5);

  private PhoneFixture phone;

  @BeforeEach
  void start() throws Exception {
    phone = PhoneFixture.standard();
  }

  @AfterEach
  void stop() {
    phone.close();
  }

  private ContactId queued(SimCall call) {
    Map<String, String> variables = call.awaitAgi(WAIT);
    assertThat(variables).containsEntry("SWITCHBOARD_STATUS", "QUEUED");
    return new ContactId(variables.get("SWITCHBOARD_CONTACT"));
  }

  private void customer(String id, String phoneNumber, Optional<String> owner) {
    phone.onContext(() -> phone.directory.save(new Customer(new CustomerId(id), "Customer " + id, "gold",
        BigDecimal.TEN, List.of(), Optional.empty(), owner, "", Map.of(),
        new Identities(List.of(phoneNumber), List.of(), List.of(), Optional.empty()), Instant.now())));
  }

  private EndedContact awaitEnded(ContactId contact) {
    until(() -> phone.endedContact(contact).isPresent(), () -> "contact " + contact + " ended; history "
        + phone.history(contact));
    return phone.endedContact(contact).orElseThrow();
  }

  @Test
  void callerWaitsThenTheAgentAnswersAndHangingUpEndsTheContactWithItsHandleTime() throws Exception {
    customer("c-1", "+4930123456", Optional.of("ann"));
    AgentId ann = phone.loggedIn("ann", "PJSIP/1001", SUPPORT);
    SimCall call = phone.pbx.incomingCall("030123456", "route?queue=support");
    ContactId contact = queued(call);
    ContactSnapshot waiting = phone.contact(contact);
    assertThat(waiting.state()).isEqualTo(ContactState.QUEUED);
    assertThat(waiting.customer()).contains(new CustomerId("c-1"));

    phone.onContext(() -> phone.router.setPresence(ann, dev.switchboard.routing.agent.Presence.ready()));
    phone.awaitState(contact, ContactState.ACTIVE);
    assertThat(call.agentChannel()).hasValueSatisfying(leg -> assertThat(leg).startsWith("PJSIP/1001-"));
    AmiMessage redirect = phone.pbx.awaitAction("Redirect", WAIT);
    assertThat(redirect.get("Context")).contains("switchboard-connect");
    assertThat(redirect.get("Exten")).contains("1001");
    RoutingEvent.ContactChanged offer = offerOf(contact);
    assertThat(offer.attributes()).containsEntry(RoutedCallIntake.MATCH, "phone")
        .containsEntry(RoutedCallIntake.MATCH_VALUE, "+4930123456")
        .containsEntry(RoutedCallIntake.CALLER_ID, "030123456")
        .containsEntry(RoutedCallIntake.CHANNEL, call.channel())
        .containsEntry(RoutedCallIntake.UNIQUE_ID, call.uniqueId());

    Thread.sleep(150);
    call.agentHangsUp();
    EndedContact ended = awaitEnded(contact);
    assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
    assertThat(ended.agent()).contains(ann);
    assertThat(ended.handled()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    until(() -> phone.onContext(phone.calls::callCount) == 0, () -> "call forgotten");
  }

  @Test
  void callerWhoHangsUpWhileQueuedIsAnAbandonWithItsWaitTime() throws Exception {
    SimCall call = phone.pbx.incomingCall("+4930555000", "route?queue=support");
    ContactId contact = queued(call);
    Thread.sleep(200);
    call.abandon();

    EndedContact ended = awaitEnded(contact);
    assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
    assertThat(ended.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void agentWhoDoesNotAnswerMissesTheOfferTheCallerHoldsItsPlaceAndTheNextAgentRings() {
    AgentId ann = phone.ready("ann", "PJSIP/1001", SUPPORT);
    AgentId bob = phone.ready("bob", "PJSIP/1002", SUPPORT);
    phone.pbx.agentBehaviour("1001", AgentBehaviour.NO_ANSWER);
    SimCall call = phone.pbx.incomingCall("+4930555001", "route?queue=support");
    ContactId contact = queued(call);

    phone.awaitState(contact, ContactState.ACTIVE);
    assertThat(phone.contact(contact).agent()).contains(bob);
    List<ContactTransition> history = phone.history(contact);
    assertThat(history).extracting(ContactTransition::to).containsExactly(ContactState.QUEUED,
        ContactState.OFFERED, ContactState.QUEUED, ContactState.OFFERED, ContactState.ACTIVE);
    assertThat(history.get(1).agent()).contains(ann);
    assertThat(history.get(2).why()).isEqualTo("no-answer");
    assertThat(phone.onContext(() -> phone.view.agent(ann)).orElseThrow().presence())
        .isEqualTo(dev.switchboard.routing.agent.Presence.notReady("missed"));
    assertThat(phone.pbx.actionsReceived()).anySatisfy(action -> {
      assertThat(action.get("Action")).hasValueSatisfying(name -> assertThat(name).isEqualToIgnoringCase("Redirect"));
      assertThat(action.get("Context")).contains("switchboard-holding");
    });
  }

  @Test
  void aPhoneStillRingingAtTheOfferDeadlineIsMissedAndTheNextAgentRings() {
    AgentId ann = phone.ready("ann", "PJSIP/1001", SUPPORT);
    AgentId bob = phone.ready("bob", "PJSIP/1002", SUPPORT);
    phone.pbx.agentBehaviour("1001", AgentBehaviour.RING);
    SimCall call = phone.pbx.incomingCall("+4930555007", "route?queue=support");
    ContactId contact = queued(call);

    phone.awaitState(contact, ContactState.ACTIVE);
    assertThat(phone.contact(contact).agent()).contains(bob);
    assertThat(phone.history(contact)).extracting(ContactTransition::why)
        .containsExactly("enqueue", "offer", "no-answer", "offer", "accept");
    assertThat(phone.onContext(() -> phone.view.agent(ann)).orElseThrow().presence())
        .isEqualTo(dev.switchboard.routing.agent.Presence.notReady("missed"));
    assertThat(phone.pbx.liveChannels()).noneMatch(channel -> channel.startsWith("PJSIP/1001-"));
  }

  @Test
  void transferToAnotherQueueRingsAnAgentOfThatQueue() {
    AgentId ann = phone.ready("ann", "PJSIP/1001", SUPPORT);
    SimCall call = phone.pbx.incomingCall("+4930555002", "route?queue=support");
    ContactId contact = queued(call);
    phone.awaitState(contact, ContactState.ACTIVE);
    AgentId bob = phone.ready("bob", "PJSIP/1002", Map.of("billing", 4));

    phone.onContext(() -> phone.calls.control().blindTransfer(contact,
        new TransferTarget.ToQueue(new QueueId("billing"))));

    until(() -> phone.contact(contact).agent().equals(Optional.of(bob))
        && phone.contact(contact).state() == ContactState.ACTIVE, () -> "bob talks; " + phone.history(contact));
    assertThat(phone.contact(contact).queue()).isEqualTo(new QueueId("billing"));
    assertThat(call.agentChannel()).hasValueSatisfying(leg -> assertThat(leg).startsWith("PJSIP/1002-"));
    assertThat(phone.pbx.liveChannels()).noneMatch(channel -> channel.startsWith("PJSIP/1001-"));
    assertThat(phone.history(contact)).anySatisfy(step -> {
      assertThat(step.why()).isEqualTo("transfer");
      assertThat(step.from()).contains(ContactState.ACTIVE);
    });
    assertThat(phone.history(contact).get(2).agent()).contains(ann);
  }

  @Test
  void aCallThatEndsWhileTheAmiLinkIsDownEndsItsContactAfterTheReconnect() {
    phone.ready("ann", "PJSIP/1001", SUPPORT);
    SimCall call = phone.pbx.incomingCall("+4930555003", "route?queue=support");
    ContactId contact = queued(call);
    phone.awaitState(contact, ContactState.ACTIVE);

    phone.pbx.suspendAmi();
    until(() -> !phone.ami.status().isReady(), () -> "link down");
    call.agentHangsUp();
    phone.pbx.resumeAmi();

    EndedContact ended = awaitEnded(contact);
    assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
  }

  @Test
  void aCallThatStartsAndEndsWhileTheAmiLinkIsDownDoesNotLeaveItsContactQueued() {
    phone.pbx.suspendAmi();
    until(() -> !phone.ami.status().isReady(), () -> "link down");
    SimCall call = phone.pbx.incomingCall("+4930555008", "route?queue=support");
    ContactId contact = queued(call);
    call.abandon();
    phone.pbx.resumeAmi();

    EndedContact ended = awaitEnded(contact);
    assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
    assertThat(phone.onContext(phone.calls::callCount)).isZero();
  }

  @Test
  void anAgentWhoAnswersWhileTheAmiLinkIsDownIsConnectedAfterTheResync() {
    AgentId ann = phone.ready("ann", "PJSIP/1001", SUPPORT);
    phone.pbx.agentBehaviour("1001", AgentBehaviour.RING);
    SimCall call = phone.pbx.incomingCall("+4930555010", "route?queue=support");
    ContactId contact = queued(call);
    until(() -> phone.pbx.liveChannels().stream().anyMatch(name -> name.startsWith("PJSIP/1001-")), () -> "ringing");

    phone.pbx.suspendAmi();
    until(() -> !phone.ami.status().isReady(), () -> "link down");
    call.answerRinging();
    phone.pbx.resumeAmi();

    phone.awaitState(contact, ContactState.ACTIVE);
    assertThat(phone.contact(contact).agent()).contains(ann);
    call.agentHangsUp();
    assertThat(awaitEnded(contact).outcome()).isEqualTo(Outcome.HANDLED);
  }

  @Test
  void unknownAndClosedQueuesAreLeftOnTheChannelForTheDialplan() {
    SimCall unknown = phone.pbx.incomingCall("+4930555004", "route?queue=nosuchqueue");
    assertThat(unknown.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "UNKNOWN_QUEUE")
        .doesNotContainKey("SWITCHBOARD_CONTACT");
    SimCall invalid = phone.pbx.incomingCall("+4930555005", "route?queue=Not%20A%20Queue");
    assertThat(invalid.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "UNKNOWN_QUEUE");
    SimCall night = phone.pbx.incomingCall("+4930555006", "route?queue=night");
    assertThat(night.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "CLOSED")
        .hasEntrySatisfying("SWITCHBOARD_REASON", reason -> assertThat(reason).contains("voicemail"))
        .doesNotContainKey("SWITCHBOARD_CONTACT");
    until(() -> phone.onContext(phone.calls::callCount) == 0, () -> "refused calls are not held");
  }

  @Test
  void aContactQueuedAfterTheDialplanStoppedWaitingEndsFailedInsteadOfWaiting() throws Exception {
    try (PhoneFixture impatient = PhoneFixture.standard(Duration.ofMillis(1))) {
      SimCall call = impatient.pbx.incomingCall("+4930555009", "route?queue=support");
      assertThat(call.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "FAILED");
      until(() -> impatient.ended.stream().anyMatch(contact -> call.uniqueId().equals(
          contact.attributes().get(RoutedCallIntake.UNIQUE_ID))), () -> "the late contact ended");
      EndedContact ended = impatient.ended.get(0);
      assertThat(ended.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(ended.notes()).isEqualTo("queued after the dialplan stopped waiting");
      assertThat(impatient.onContext(impatient.calls::callCount)).isZero();
    }
  }

  @Test
  void withheldCallerIdIsQueuedAsAnUnknownCaller() {
    SimCall call = phone.pbx.incomingCall("anonymous", "route?queue=support");
    ContactId contact = queued(call);
    assertThat(phone.contact(contact).customer()).isEmpty();
    phone.ready("ann", "PJSIP/1001", SUPPORT);
    RoutingEvent.ContactChanged offer = awaitOffer(contact);
    assertThat(offer.attributes()).containsEntry(RoutedCallIntake.MATCH, "none")
        .containsEntry(RoutedCallIntake.CALLER_ID, "anonymous").doesNotContainKey(RoutedCallIntake.MATCH_VALUE);
  }

  @Test
  void aNumberHeldByTwoCustomersGivesAPickListInsteadOfACustomer() {
    customer("c-2", "+4930777777", Optional.empty());
    customer("c-3", "+4930777777", Optional.empty());
    SimCall call = phone.pbx.incomingCall("+4930777777", "route?queue=support");
    ContactId contact = queued(call);
    assertThat(phone.contact(contact).customer()).isEmpty();
    phone.ready("ann", "PJSIP/1001", SUPPORT);
    assertThat(awaitOffer(contact).attributes()).containsEntry(RoutedCallIntake.MATCH, "phone").containsEntry(RoutedCallIntake.AMBIGUOUS, "true")
        .containsEntry(RoutedCallIntake.MATCH_VALUE, "+4930777777");
  }

  private RoutingEvent.ContactChanged awaitOffer(ContactId contact) {
    until(() -> phone.routingEvents.stream().anyMatch(event -> isOffer(event, contact)), () -> "offer of " + contact);
    return offerOf(contact);
  }

  private RoutingEvent.ContactChanged offerOf(ContactId contact) {
    return phone.routingEvents.stream().filter(event -> isOffer(event, contact))
        .map(RoutingEvent.ContactChanged.class::cast).findFirst().orElseThrow();
  }

  private static boolean isOffer(RoutingEvent event, ContactId contact) {
    return event instanceof RoutingEvent.ContactChanged changed && changed.contact().equals(contact)
        && changed.state() == ContactState.OFFERED;
  }
}
