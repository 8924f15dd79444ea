package dev.switchboard.routing.queue;

import java.time.Duration;
import java.util.Objects;

/** After a contact has waited {@code after} (from its original entry), apply {@code action}. */
public record EscalationStep(Duration after, EscalationAction action) {

  public EscalationStep {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(action, "action");
    if (after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("escalation step " + action + " has wait " + after + ": use a positive wait");
    }
  }
}
