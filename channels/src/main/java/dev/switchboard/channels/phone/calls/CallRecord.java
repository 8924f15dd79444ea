package dev.switchboard.channels.phone.calls;

import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What this node knows about one caller's channel and its contact. Mutable; touched only on the
 * {@link PhoneCalls} context.
 */
final class CallRecord {

  /** Where the caller is, as far as this node drove it. */
  enum Phase {
    /** AGI is still waiting for the router's answer. */
    ADMITTING,
    /** In the holding context, queued. */
    WAITING,
    /** Redirected to dial the offered agent's phone. */
    RINGING,
    /** Talking to the agent. */
    TALKING,
    /** Put on hold by the agent: back in holding, the contact still ACTIVE. */
    HELD,
    /** Taken off hold: the agent's phone rings again. */
    RECONNECTING,
    /** Nothing more to do for this contact. */
    ENDED
  }

  /** An offer being rung: which agent, until when. */
  record Ring(AgentId agent, Instant deadline) {}

  final ContactId contact;
  final CallRef caller;
  final Instant arrivedAt;
  Phase phase = Phase.ADMITTING;
  Optional<AgentId> agent = Optional.empty();
  Optional<Ring> ring = Optional.empty();
  Optional<Ring> pendingOffer = Optional.empty();
  Optional<CallRef> agentLeg = Optional.empty();
  Optional<CallRef> consultLeg = Optional.empty();
  Optional<TransferTarget> consultTarget = Optional.empty();
  /** Counts the consultations started, so a leg that appears after its consultation ended is known as stale. */
  int consultations;
  long ringTimer = -1;
  /** The offer being rung was accepted on the agent's desktop before the phone answered. */
  boolean deskAccepted;
  private Future<Void> actions = Future.succeededFuture();

  CallRecord(ContactId contact, CallRef caller, Instant arrivedAt) {
    this.contact = contact;
    this.caller = caller;
    this.arrivedAt = arrivedAt;
  }

  /** Runs {@code action} after the previous PBX action of this call finished, so moves never overtake. */
  Future<Void> then(Supplier<Future<Void>> action) {
    Future<Void> next = actions.transform(ignored -> action.get());
    actions = next.recover(ignored -> Future.succeededFuture());
    return next;
  }

  boolean isTalking() {
    return phase == Phase.TALKING || phase == Phase.HELD || phase == Phase.RECONNECTING;
  }

  @Override
  public String toString() {
    return "[contact=" + contact + " channel=" + caller.channel() + " phase=" + phase
        + agent.map(id -> " agent=" + id).orElse("") + "]";
  }
}
