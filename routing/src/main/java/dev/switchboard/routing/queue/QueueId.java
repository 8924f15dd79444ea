package dev.switchboard.routing.queue;

import dev.switchboard.routing.internal.IdSyntax;
import java.util.Objects;

/** A queue's id: 1-32 lower-case letters, digits, {@code _ -}. */
public record QueueId(String value) {

  public QueueId {
    Objects.requireNonNull(value, "value");
    if (!IdSyntax.matches(value, 32, false, "_-", false)) {
      throw new IllegalArgumentException("queue id '" + value
          + "' is invalid: use 1-32 lower-case letters, digits, '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
