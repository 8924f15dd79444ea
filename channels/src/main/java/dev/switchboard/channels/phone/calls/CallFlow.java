package dev.switchboard.channels.phone.calls;

import dev.switchboard.channels.phone.AmiLink;
import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.PhoneEvent;
import dev.switchboard.channels.phone.calls.CallRecord.Phase;
import dev.switchboard.channels.phone.calls.CallRecord.Ring;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.OfferExpiredException;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.dispatch.UnknownContactException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a routed call reacts to what happens: an offer rings the agent's phone, the phone's answer
 * accepts the offer, a phone that does not answer rejects it and sends the caller back to holding,
 * and the end of the caller's channel ends the contact (abandon while waiting, completion once
 * answered). Every reaction checks the call's phase first, so duplicate and late events change
 * nothing. Runs on the {@link PhoneCalls} context only.
 */
final class CallFlow {

  private static final Logger log = LoggerFactory.getLogger(CallFlow.class);
  /** What Asterisk answers a Redirect of a channel that has hung up. */
  private static final String CHANNEL_GONE = "does not exist";

  private final Vertx vertx;
  private final AmiLink ami;
  private final Router router;
  private final RoutingView view;
  private final Function<AgentId, Optional<String>> devices;
  private final PhoneCallSettings settings;
  private final CallBook book;
  private final Clock clock;
  private final ContactEnding ending;

  CallFlow(Vertx vertx, AmiLink ami, Router router, RoutingView view, Function<AgentId, Optional<String>> devices,
      PhoneCallSettings settings, CallBook book, Clock clock) {
    this.vertx = vertx;
    this.ami = ami;
    this.router = router;
    this.view = view;
    this.devices = devices;
    this.settings = settings;
    this.book = book;
    this.clock = clock;
    this.ending = new ContactEnding(router, view);
  }

  /** The router offered the call to {@code ring.agent()}: ring that agent's phone. */
  void offered(CallRecord call, Ring ring) {
    if (call.phase == Phase.ADMITTING) {
      if (call.pendingOffer.isEmpty() || ring.deadline().isAfter(call.pendingOffer.get().deadline())) {
        call.pendingOffer = Optional.of(ring);
      }
      return;
    }
    boolean seen = call.ring.isPresent() && !ring.deadline().isAfter(call.ring.get().deadline());
    if (call.phase == Phase.ENDED || seen) {
      return;
    }
    dropAgentLeg(call);
    Optional<String> device = devices.apply(ring.agent());
    if (device.isEmpty()) {
      log.error("[contact={} agent={}] agent has no phone device: set the agent's phoneDevice (e.g. PJSIP/1001); "
          + "the call goes to the next agent", call.contact, ring.agent());
      router.reject(call.contact, ring.agent()).onFailure(failure -> logIgnored(call, "reject", failure));
      return;
    }
    call.phase = Phase.RINGING;
    call.agent = Optional.of(ring.agent());
    call.ring = Optional.of(ring);
    call.deskAccepted = false;
    startRingTimer(call, ring);
    dial(call, device.get()).onFailure(failure -> {
      if (call.phase != Phase.RINGING || !call.ring.equals(Optional.of(ring))) {
        return;
      }
      if (String.valueOf(failure.getMessage()).contains(CHANNEL_GONE)) {
        callerGone(call, "channel gone before the agent's phone could ring");
        return;
      }
      log.warn("[contact={} agent={}] could not ring {}: {}; the offer goes back to routing", call.contact,
          ring.agent(), device.get(), failure.getMessage());
      notAnswered(call, "redirect failed", false);
    });
  }

  /** The call was admitted by AGI: act on an offer that came before the answer did. */
  void admitted(CallRecord call) {
    if (call.phase != Phase.ADMITTING) {
      return;
    }
    call.phase = Phase.WAITING;
    Optional<Ring> pending = call.pendingOffer;
    call.pendingOffer = Optional.empty();
    pending.ifPresent(ring -> offered(call, ring));
  }

  void dialStarted(CallRecord call, PhoneEvent.DialStarted event) {
    if (call.phase == Phase.RINGING || call.phase == Phase.RECONNECTING) {
      call.agentLeg.ifPresent(book::forgetLeg);
      call.agentLeg = Optional.of(event.destination());
      book.addLeg(call, event.destination());
    }
  }

  void dialEnded(CallRecord call, PhoneEvent.DialEnded event) {
    if (!call.agentLeg.equals(Optional.of(event.destination()))) {
      return;
    }
    if (event.answered()) {
      answered(call);
    } else if (call.phase == Phase.RINGING && call.deskAccepted) {
      log.info("{} accepted on the desktop but the phone did not answer ({}); caller on hold", call,
          event.dialStatus());
      call.phase = Phase.HELD;
      cancelRingTimer(call);
      call.agentLeg.ifPresent(book::forgetLeg);
      call.agentLeg = Optional.empty();
      toHolding(call);
    } else if (call.phase == Phase.RINGING) {
      notAnswered(call, "dial " + event.dialStatus(), true);
    } else if (call.phase == Phase.RECONNECTING) {
      call.phase = Phase.HELD;
      toHolding(call);
    }
  }

  /**
   * A resync after a reconnect found a leg linked to this caller, started while the link was down: the
   * agent's phone being rung. Up means the agent answered meanwhile (its DialEnd was lost).
   */
  void legFoundByResync(CallRecord call, CallRef leg, boolean answered) {
    if ((call.phase == Phase.RINGING || call.phase == Phase.RECONNECTING) && call.agentLeg.isEmpty()) {
      call.agentLeg = Optional.of(leg);
      book.addLeg(call, leg);
      if (answered) {
        answered(call);
      }
    }
  }

  /** The agent's phone went off hook (also how an answer shows up in a resync after a reconnect). */
  void legAnswered(CallRecord call, CallRef leg) {
    if (call.agentLeg.equals(Optional.of(leg))) {
      answered(call);
    }
  }

  /** The caller's channel entered a bridge: if it was ringing an agent, the agent answered. */
  void bridged(CallRecord call) {
    if (call.agentLeg.isPresent()) {
      answered(call);
    }
  }

  private void answered(CallRecord call) {
    if (call.phase == Phase.RECONNECTING) {
      call.phase = Phase.TALKING;
      return;
    }
    if (call.phase != Phase.RINGING) {
      return;
    }
    call.phase = Phase.TALKING;
    cancelRingTimer(call);
    AgentId agent = call.ring.orElseThrow().agent();
    if (call.deskAccepted) {
      return;
    }
    router.accept(call.contact, agent).recover(failure -> acceptedOnDesk(call, agent, failure)).onFailure(failure -> {
      log.warn("[contact={} agent={}] answered after the offer ended ({}); caller back to holding", call.contact,
          agent, failure.getMessage());
      if (call.phase == Phase.TALKING && call.agent.equals(Optional.of(agent))) {
        call.phase = Phase.WAITING;
        dropAgentLeg(call);
        toHolding(call);
      }
    });
  }

  /** The offer was accepted on the agent's desktop while the phone rang: the answer connects them. */
  void deskAccepted(CallRecord call, AgentId agent) {
    if (call.phase == Phase.RINGING && call.ring.map(Ring::agent).equals(Optional.of(agent))) {
      call.deskAccepted = true;
      cancelRingTimer(call);
    }
  }

  /** A failed accept is no failure when the desktop accepted the same offer first. */
  private Future<Void> acceptedOnDesk(CallRecord call, AgentId agent, Throwable failure) {
    return view.contact(call.contact).compose(found -> found
        .filter(contact -> contact.state() == ContactState.ACTIVE && contact.agent().equals(Optional.of(agent)))
        .map(contact -> Future.<Void>succeededFuture())
        .orElseGet(() -> Future.failedFuture(failure)));
  }

  /**
   * The agent's phone was not answered: a ring-out or a busy phone is a missed offer (the agent goes
   * NOT_READY(missed), as on the router's own timeout); a PBX failure withdraws it, blaming no one.
   */
  private void notAnswered(CallRecord call, String why, boolean missed) {
    AgentId agent = call.ring.orElseThrow().agent();
    call.phase = Phase.WAITING;
    cancelRingTimer(call);
    dropAgentLeg(call);
    toHolding(call);
    log.info("[contact={} agent={}] agent's phone not answered ({}); offer {}, caller back to holding",
        call.contact, agent, why, missed ? "missed" : "withdrawn");
    Future<Void> returned = missed ? router.miss(call.contact, agent) : router.withdraw(call.contact, agent);
    returned.onFailure(failure -> logIgnored(call, missed ? "miss" : "withdraw", failure));
  }

  /** The contact went back to its queue (offer timed out or withdrawn, or a transfer). */
  void requeued(CallRecord call, Optional<ContactState> from, Optional<AgentId> agent) {
    boolean offerEnded = from.equals(Optional.of(ContactState.OFFERED)) && call.phase == Phase.RINGING
        && (agent.isEmpty() || agent.equals(call.ring.map(Ring::agent)));
    boolean transferred = from.equals(Optional.of(ContactState.ACTIVE)) && call.isTalking();
    if (offerEnded || transferred) {
      call.phase = Phase.WAITING;
      cancelRingTimer(call);
      dropAgentLeg(call);
      toHolding(call);
    }
  }

  /** Routing ended the contact (or moved it to wrap-up); a caller still waiting is released. */
  void contactEnded(CallRecord call, ContactState state) {
    boolean waiting = call.phase == Phase.WAITING || call.phase == Phase.RINGING;
    call.phase = Phase.ENDED;
    cancelRingTimer(call);
    if (state == ContactState.ENDED && waiting) {
      log.info("[contact={}] contact ended while the caller waited; hanging up {}", call.contact,
          call.caller.channel());
      dropAgentLeg(call);
      call.then(() -> ami.hangup(call.caller.channel())).onFailure(failure -> logIgnored(call, "hangup", failure));
    }
  }

  /** The caller's channel is gone: end the contact unless it already ended. */
  void callerGone(CallRecord call, String why) {
    book.remove(call);
    cancelRingTimer(call);
    if (call.phase == Phase.ENDED) {
      return;
    }
    boolean ringing = call.phase == Phase.RINGING;
    call.phase = Phase.ENDED;
    if (ringing) {
      dropAgentLeg(call);
    }
    log.debug("[contact={} channel={}] caller gone ({})", call.contact, call.caller.channel(), why);
    ending.end(call.contact);
  }

  /** An agent leg of this call is gone; while talking that ends the conversation. */
  void agentLegGone(CallRecord call, CallRef leg) {
    book.forgetLeg(leg);
    if (!call.agentLeg.equals(Optional.of(leg))) {
      return;
    }
    call.agentLeg = Optional.empty();
    if (call.phase == Phase.TALKING) {
      call.phase = Phase.ENDED;
      log.debug("[contact={} channel={}] agent hung up", call.contact, leg.channel());
      ending.end(call.contact);
    }
  }

  Future<Void> dial(CallRecord call, String device) {
    return call.then(() -> ami.redirect(call.caller.channel(), settings.connectContext(), exten(device), 1));
  }

  void toHolding(CallRecord call) {
    call.then(() -> ami.redirect(call.caller.channel(), settings.holdingContext(), "s", 1))
        .onFailure(failure -> logIgnored(call, "redirect to holding", failure));
  }

  void dropAgentLeg(CallRecord call) {
    call.agentLeg.ifPresent(leg -> {
      book.forgetLeg(leg);
      call.then(() -> ami.hangup(leg.channel())).onFailure(failure -> logIgnored(call, "agent leg hangup", failure));
    });
    call.agentLeg = Optional.empty();
  }

  /** The extension the connect context dials: the device's resource ({@code PJSIP/1001} → {@code 1001}). */
  static String exten(String device) {
    int slash = device.indexOf('/');
    return slash >= 0 ? device.substring(slash + 1) : device;
  }

  private void startRingTimer(CallRecord call, Ring ring) {
    cancelRingTimer(call);
    long delay = Math.max(1, ring.deadline().toEpochMilli() - clock.millis() + settings.ringGrace().toMillis());
    call.ringTimer = vertx.setTimer(delay, id -> {
      call.ringTimer = -1;
      if (call.phase == Phase.RINGING && call.ring.equals(Optional.of(ring))) {
        notAnswered(call, "no answer by the offer deadline", true);
      }
    });
  }

  private void cancelRingTimer(CallRecord call) {
    if (call.ringTimer >= 0) {
      vertx.cancelTimer(call.ringTimer);
      call.ringTimer = -1;
    }
  }

  private static void logIgnored(CallRecord call, String what, Throwable failure) {
    if (failure instanceof OfferExpiredException || failure instanceof UnknownContactException
        || call.phase == Phase.ENDED) {
      log.debug("{} {} not needed: {}", call, what, failure.getMessage());
    } else {
      log.warn("{} {} failed: {}", call, what, failure.getMessage());
    }
  }
}
