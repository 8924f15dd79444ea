package dev.switchboard.channels.phone.calls;

import dev.switchboard.channels.phone.AmiLink;
import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.OriginateRequest;
import dev.switchboard.channels.phone.calls.CallRecord.Phase;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.dispatch.Router;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent's desktop can do with a call this node holds: hang up, hold and resume, blind and
 * attended transfers, and click-to-dial. Each step is an AMI action plus the router transition that
 * records it (complete with a note, transfer), so the contact's history and the customer's timeline
 * show it. Requests for a contact this node does not hold, or in a state that does not allow them,
 * fail with {@link CallControlException}. Thread-safe; futures complete on the calls' context.
 */
public final class CallControl {

  private static final Logger log = LoggerFactory.getLogger(CallControl.class);

  private final PhoneCalls calls;
  private final Router router;
  private final AmiLink ami;
  private final Function<AgentId, Optional<String>> devices;
  private final PhoneCallSettings settings;
  private final CallBook book;
  private final CallFlow flow;
  private final CallNotes notes;

  CallControl(PhoneCalls calls, Router router, AmiLink ami, Function<AgentId, Optional<String>> devices,
      PhoneCallSettings settings, CallBook book, CallFlow flow, CallNotes notes) {
    this.calls = calls;
    this.router = router;
    this.ami = ami;
    this.devices = devices;
    this.settings = settings;
    this.book = book;
    this.flow = flow;
    this.notes = notes;
  }

  /**
   * Ends the call: a conversation is completed (to wrap-up), a waiting call ends FAILED. A call whose
   * agent phone still rings is completed when the desktop accepted the offer already, else it fails.
   */
  public Future<Void> hangup(ContactId contact) {
    return withCall(contact, call -> {
      boolean talking = call.isTalking();
      boolean ringing = call.phase == Phase.RINGING;
      Optional<AgentId> agent = call.agent;
      call.phase = Phase.ENDED;
      flow.dropAgentLeg(call);
      Future<Void> recorded;
      if (talking || (ringing && agent.isPresent())) {
        Future<Void> completed = router.complete(contact, agent.orElseThrow(), Optional.empty(),
            "hung up from the desktop").mapEmpty();
        recorded = talking ? completed
            : completed.recover(notAccepted -> router.fail(contact, "hung up from the desktop").mapEmpty());
      } else {
        recorded = router.fail(contact, "hung up from the desktop").mapEmpty();
      }
      return recorded.compose(done -> call.then(() -> ami.hangup(call.caller.channel())));
    });
  }

  /** Puts the caller on hold (music in the holding context); the agent's phone is released. */
  public Future<Void> hold(ContactId contact) {
    return withCall(contact, call -> {
      require(call, call.phase == Phase.TALKING, "hold");
      call.phase = Phase.HELD;
      flow.dropAgentLeg(call);
      flow.toHolding(call);
      return Future.succeededFuture();
    });
  }

  /** Takes the caller off hold: the agent's phone rings again and connects them on answer. */
  public Future<Void> resume(ContactId contact) {
    return withCall(contact, call -> {
      require(call, call.phase == Phase.HELD && call.consultTarget.isEmpty(), "resume");
      return reconnect(call);
    });
  }

  /** Transfers without consultation: to a queue or an agent (through routing), or to an outside number. */
  public Future<Void> blindTransfer(ContactId contact, TransferTarget target) {
    return withCall(contact, call -> {
      require(call, call.isTalking(), "transfer");
      AgentId from = call.agent.orElseThrow();
      if (target instanceof TransferTarget.ToQueue queue) {
        return router.transferToQueue(contact, from, queue.queue());
      }
      if (target instanceof TransferTarget.ToAgent agent) {
        return router.transferToAgent(contact, from, agent.agent());
      }
      return transferOut(call, from, ((TransferTarget.ToNumber) target).number(), "transferred to ");
    });
  }

  /**
   * Starts an attended transfer: the caller goes on hold and the agent's phone is called and connected
   * to the target (another agent's phone, or an outside number). Then {@link #completeTransfer} or
   * {@link #cancelConsultation}.
   */
  public Future<Void> consult(ContactId contact, TransferTarget target) {
    return withCall(contact, call -> {
      require(call, call.phase == Phase.TALKING, "consult");
      if (target instanceof TransferTarget.ToQueue) {
        throw new CallControlException("cannot consult a queue: transfer contact " + contact
            + " blindly to it, or consult an agent or a number");
      }
      String agentDevice = device(call.agent.orElseThrow());
      String[] where = target instanceof TransferTarget.ToAgent agent
          ? new String[] {settings.connectContext(), CallFlow.exten(device(agent.agent()))}
          : new String[] {settings.clickToDialContext(), ((TransferTarget.ToNumber) target).number()};
      call.phase = Phase.HELD;
      call.consultTarget = Optional.of(target);
      flow.dropAgentLeg(call);
      flow.toHolding(call);
      int consultation = ++call.consultations;
      Consumer<CallRef> claim = leg -> {
        if (call.consultations != consultation || call.consultTarget.isEmpty() || call.phase == Phase.ENDED) {
          // completed or cancelled before the PBX created the agent's consultation channel
          call.then(() -> ami.hangup(leg.channel()))
              .onFailure(failure -> log.debug("{} late consultation leg already gone: {}", call, failure.getMessage()));
          return;
        }
        call.consultLeg = Optional.of(leg);
        book.addLeg(call, leg);
      };
      book.expectOriginate(agentDevice, claim);
      return ami.originate(new OriginateRequest(agentDevice, where[0], where[1], Optional.empty(),
          settings.originateRingTimeout(), Map.of("SWITCHBOARD_CONTACT", contact.value())))
          .onFailure(failure -> book.cancelOriginate(agentDevice, claim));
    });
  }

  /** Completes an attended transfer: the consultation ends and the caller goes to the consulted target. */
  public Future<Void> completeTransfer(ContactId contact) {
    return withCall(contact, call -> {
      require(call, call.consultTarget.isPresent(), "complete a transfer");
      TransferTarget target = call.consultTarget.get();
      AgentId from = call.agent.orElseThrow();
      endConsultation(call);
      if (target instanceof TransferTarget.ToAgent agent) {
        return router.transferToAgent(contact, from, agent.agent());
      }
      return transferOut(call, from, ((TransferTarget.ToNumber) target).number(), "transferred after consultation to ");
    });
  }

  /** Ends the consultation and reconnects the caller to the agent. */
  public Future<Void> cancelConsultation(ContactId contact) {
    return withCall(contact, call -> {
      require(call, call.consultTarget.isPresent(), "cancel a consultation");
      endConsultation(call);
      return reconnect(call);
    });
  }

  /** Calls {@code number} (E.164) for {@code agent}: the agent's phone rings first, then the number is dialled. */
  public Future<Void> clickToDial(AgentId agent, String number) {
    return calls.onContext(() -> {
      if (number == null || !number.matches("\\+[1-9][0-9]{1,14}")) {
        return Future.failedFuture(new CallControlException("click-to-dial number must be E.164 (+ and up to 15 "
            + "digits), got '" + number + "'"));
      }
      String device = device(agent);
      return ami.originate(new OriginateRequest(device, settings.clickToDialContext(), number, Optional.empty(),
              settings.originateRingTimeout(), Map.of("SWITCHBOARD_AGENT", agent.value())))
          .onSuccess(done -> note(agent, number, "click-to-dial by " + agent + ": calling " + number))
          .onFailure(failure -> note(agent, number, "click-to-dial by " + agent + " to " + number + " failed"));
    });
  }

  private Future<Void> transferOut(CallRecord call, AgentId from, String number, String why) {
    call.phase = Phase.ENDED;
    flow.dropAgentLeg(call);
    return call.then(() -> ami.redirect(call.caller.channel(), settings.clickToDialContext(), number, 1))
        .compose(moved -> router.complete(call.contact, from, Optional.empty(), why + number).mapEmpty());
  }

  private Future<Void> reconnect(CallRecord call) {
    call.phase = Phase.RECONNECTING;
    return flow.dial(call, device(call.agent.orElseThrow()));
  }

  private void endConsultation(CallRecord call) {
    call.consultTarget = Optional.empty();
    call.consultLeg.ifPresent(leg -> {
      book.forgetLeg(leg);
      call.then(() -> ami.hangup(leg.channel()))
          .onFailure(failure -> log.debug("{} consultation leg already gone: {}", call, failure.getMessage()));
    });
    call.consultLeg = Optional.empty();
  }

  private void note(AgentId agent, String number, String summary) {
    notes.note(new CallNote(Instant.now(), agent, number, summary))
        .onFailure(failure -> log.warn("[agent={}] click-to-dial not noted in the timeline: {}", agent,
            failure.getMessage()));
  }

  private String device(AgentId agent) {
    return devices.apply(agent).orElseThrow(() -> new CallControlException("agent " + agent
        + " has no phone device: set the agent's phoneDevice (e.g. PJSIP/1001)"));
  }

  private static void require(CallRecord call, boolean allowed, String what) {
    if (!allowed) {
      throw new CallControlException("cannot " + what + " contact " + call.contact + " while it is "
          + call.phase.name().toLowerCase(Locale.ROOT));
    }
  }

  private Future<Void> withCall(ContactId contact, Function<CallRecord, Future<Void>> action) {
    return calls.onContext(() -> {
      Optional<CallRecord> call = book.contact(contact);
      if (call.isEmpty()) {
        return Future.failedFuture(new CallControlException("contact " + contact
            + " is not a call held by this node: it ended, or another node took it"));
      }
      return action.apply(call.get());
    });
  }
}
