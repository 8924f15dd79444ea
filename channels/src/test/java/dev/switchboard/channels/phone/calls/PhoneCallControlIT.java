package dev.switchboard.channels.phone.calls;

import static dev.switchboard.channels.phone.calls.PhoneFixture.WAIT;
import static dev.switchboard.channels.phone.calls.PhoneFixture.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.switchboard.routing.customer.TimelinePage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desktop's call control on calls from the simulated PBX: each step reaches the PBX and routing. */
class PhoneCallControlIT {

  private static final Map<String, Integer> SUPPORT = Map.of("support", 5);

  private PhoneFixture phone;
  private AgentId ann;
  private SimCall call;
  private ContactId contact;

  @BeforeEach
  void talking() throws Exception {
    phone = PhoneFixture.standard();
    ann = phone.ready("ann", "PJSIP/1001", SUPPORT);
    call = phone.pbx.incomingCall("+4930666000", "route?queue=support");
    Map<String, String> variables = call.awaitAgi(WAIT);
    contact = new ContactId(variables.get("SWITCHBOARD_CONTACT"));
    phone.awaitState(contact, ContactState.ACTIVE);
  }

  @AfterEach
  void stop() {
    phone.close();
  }

  private List<AmiMessage> actions(String name) {
    return phone.pbx.actionsReceived().stream()
        .filter(action -> action.getOr("Action", "").equalsIgnoreCase(name)).toList();
  }

  /** The latest action of that name, from one snapshot of what the PBX received (it may still be growing). */
  private Optional<AmiMessage> lastAction(String name) {
    List<AmiMessage> received = actions(name);
    return received.isEmpty() ? Optional.empty() : Optional.of(received.get(received.size() - 1));
  }

  private EndedContact awaitEnded() {
    until(() -> phone.endedContact(contact).isPresent(), () -> "ended; history " + phone.history(contact));
    return phone.endedContact(contact).orElseThrow();
  }

  @Test
  void holdReleasesTheAgentPhoneAndResumeRingsItAgainWhileTheContactStaysActive() {
    String firstLeg = call.agentChannel().orElseThrow();
    phone.onContext(() -> phone.calls.control().hold(contact));
    until(() -> !phone.pbx.liveChannels().contains(firstLeg), () -> "agent leg released on hold");
    until(() -> lastAction("Redirect").flatMap(redirect -> redirect.get("Context"))
        .equals(Optional.of("switchboard-holding")), () -> "caller redirected to holding");
    assertThat(phone.contact(contact).state()).isEqualTo(ContactState.ACTIVE);
    assertThatThrownBy(() -> phone.onContext(() -> phone.calls.control().hold(contact)))
        .isInstanceOf(CallControlException.class).hasMessageContaining("while it is held");

    phone.onContext(() -> phone.calls.control().resume(contact));
    until(() -> call.agentChannel().filter(leg -> !leg.equals(firstLeg)).isPresent(), () -> "agent rung again");
    assertThat(phone.contact(contact).state()).isEqualTo(ContactState.ACTIVE);
    call.agentHangsUp();
    EndedContact ended = awaitEnded();
    assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
  }

  @Test
  void hangupFromTheDesktopCompletesTheContactAndClearsTheCall() {
    phone.onContext(() -> phone.calls.control().hangup(contact));
    until(() -> !call.isLive(), () -> "caller hung up");
    EndedContact ended = awaitEnded();
    assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
    assertThat(ended.notes()).isEqualTo("hung up from the desktop");
    until(() -> phone.onContext(phone.calls::callCount) == 0, () -> "call forgotten");
  }

  @Test
  void blindTransferToANumberSendsTheCallerOutAndRecordsIt() {
    phone.onContext(() -> phone.calls.control().blindTransfer(contact, new TransferTarget.ToNumber("+4940123456")));
    EndedContact ended = awaitEnded();
    assertThat(ended.notes()).isEqualTo("transferred to +4940123456");
    assertThat(actions("Redirect")).last().satisfies(redirect -> {
      assertThat(redirect.get("Context")).contains("switchboard-click-to-dial");
      assertThat(redirect.get("Exten")).contains("+4940123456");
    });
  }

  @Test
  void attendedTransferConsultsTheOtherAgentThenHandsTheCallerOver() {
    AgentId bob = phone.ready("bob", "PJSIP/1002", SUPPORT);
    phone.onContext(() -> phone.calls.control().consult(contact, new TransferTarget.ToAgent(bob)));
    AmiMessage originate = phone.pbx.awaitAction("Originate", WAIT);
    assertThat(originate.get("Channel")).contains("PJSIP/1001");
    assertThat(originate.get("Context")).contains("switchboard-connect");
    assertThat(originate.get("Exten")).contains("1002");
    until(() -> phone.pbx.liveChannels().stream().anyMatch(name -> name.startsWith("PJSIP/1001-")),
        () -> "consultation call up");

    phone.onContext(() -> phone.calls.control().completeTransfer(contact));
    until(() -> phone.contact(contact).agent().equals(Optional.of(bob))
        && phone.contact(contact).state() == ContactState.ACTIVE, () -> "bob talks; " + phone.history(contact));
    until(() -> phone.pbx.liveChannels().stream().noneMatch(name -> name.startsWith("PJSIP/1001-")),
        () -> "consultation ended");
  }

  @Test
  void aTransferCompletedBeforeTheConsultationCallAppearsStillHangsThatCallUp() {
    AgentId bob = phone.ready("bob", "PJSIP/1002", SUPPORT);
    phone.onContext(() -> {
      phone.calls.control().consult(contact, new TransferTarget.ToAgent(bob));
      return phone.calls.control().completeTransfer(contact);
    });
    phone.pbx.awaitAction("Originate", WAIT);
    until(() -> phone.contact(contact).agent().equals(Optional.of(bob))
        && phone.contact(contact).state() == ContactState.ACTIVE, () -> "bob talks; " + phone.history(contact));
    until(() -> phone.pbx.liveChannels().stream()
        .noneMatch(name -> name.startsWith("PJSIP/1001-")), () -> "late consultation call hung up; live "
        + phone.pbx.liveChannels() + ", hangups " + actions("Hangup"));
  }

  @Test
  void clickToDialRingsTheAgentFirstAndNotesTheCallInTheCustomerTimeline() {
    phone.onContext(() -> phone.directory.save(new Customer(new CustomerId("c-9"), "Dana", "standard",
        BigDecimal.ONE, List.of(), Optional.empty(), Optional.empty(), "", Map.of(),
        new Identities(List.of("+4930888888"), List.of(), List.of(), Optional.empty()), Instant.now())));
    AgentId bob = phone.loggedIn("bob", "PJSIP/1002", SUPPORT);

    phone.onContext(() -> phone.calls.control().clickToDial(bob, "+4930888888"));
    AmiMessage originate = phone.pbx.awaitAction("Originate", WAIT);
    assertThat(originate.get("Channel")).contains("PJSIP/1002");
    assertThat(originate.get("Context")).contains("switchboard-click-to-dial");
    assertThat(originate.get("Exten")).contains("+4930888888");
    until(() -> !phone.onContext(() -> phone.directory.timeline(new CustomerId("c-9"), Optional.empty(), 10))
        .entries().isEmpty(), () -> "timeline note");
    TimelinePage timeline = phone.onContext(() -> phone.directory.timeline(new CustomerId("c-9"), Optional.empty(), 10));
    assertThat(timeline.entries().get(0).summary()).contains("click-to-dial by bob");
    assertThatThrownBy(() -> phone.onContext(() -> phone.calls.control().clickToDial(bob, "0301234")))
        .isInstanceOf(CallControlException.class).hasMessageContaining("E.164");
  }

  @Test
  void aDuplicateOfferEventDoesNotRingTheAgentAgain() {
    int redirects = actions("Redirect").size();
    phone.routingEvents.stream()
        .filter(event -> event instanceof dev.switchboard.routing.dispatch.RoutingEvent.ContactChanged changed
            && changed.contact().equals(contact) && changed.state() == ContactState.OFFERED)
        .forEach(phone.calls::onRouting);
    phone.onContext(() -> phone.calls.control().hold(contact));
    until(() -> actions("Redirect").size() > redirects, () -> "hold redirect");
    assertThat(actions("Redirect")).hasSize(redirects + 1).last().satisfies(redirect ->
        assertThat(redirect.get("Context")).contains("switchboard-holding"));
    assertThat(phone.contact(contact).state()).isEqualTo(ContactState.ACTIVE);
    assertThat(phone.contact(contact).agent()).contains(ann);
  }
}
