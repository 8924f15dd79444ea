package dev.switchboard.channels.phone;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Where phone calls enter the contact center (implemented by routing). Methods are called on the
 * Vert.x context that started the {@link FastAgiEntry}, must not block, and report refusals as
 * an {@link IntakeDecision.Refused} value; a failed future is treated as {@code FAILED}.
 */
public interface CallIntake {

  /** Queues the call as a contact; the decision goes back to the dialplan. */
  Future<IntakeDecision> enqueue(IncomingCall call);

  /**
   * The caller of an accepted contact hung up (while waiting this is an abandon, with the wait
   * time from the contact's own timestamps). Called once per accepted contact.
   */
  Future<Void> callerHungUp(String contactId, HangupCause cause, Instant at);
}
