package dev.switchboard.routing.queue;

import java.time.Duration;
import java.util.Objects;

/** The longest a contact should wait; then its channel is asked to apply {@code fallback}. */
public record MaxWait(Duration after, String fallback) {

  public MaxWait {
    Objects.requireNonNull(after, "after");
    if (after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("maximum wait " + after + " is invalid: use a positive duration");
    }
    new EscalationAction.Fallback(fallback);
  }
}
