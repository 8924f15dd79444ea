package dev.switchboard.channels.phone;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call the dialplan handed to Switchboard with {@code AGI(agi://host/route?queue=NAME)}.
 *
 * @param call the caller's channel
 * @param callerId the caller id in E.164, empty when withheld, absent or not a phone number
 * @param rawCallerId the caller id as Asterisk gave it ("" when none), for display only
 * @param queue the queue named in the AGI URL
 * @param arrivedAt when the AGI request came in
 */
public record IncomingCall(CallRef call, Optional<String> callerId, String rawCallerId, String queue,
    Instant arrivedAt) {
  public IncomingCall {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(rawCallerId, "rawCallerId");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(arrivedAt, "arrivedAt");
    if (queue.isBlank()) {
      throw new IllegalArgumentException("queue must not be blank");
    }
    callerId.ifPresent(number -> {
      if (!number.matches("\\+[1-9][0-9]{1,14}")) {
        throw new IllegalArgumentException("callerId must be E.164 (+ and up to 15 digits), got '" + number + "'");
      }
    });
  }

  public boolean isUnknownCaller() {
    return callerId.isEmpty();
  }
}
