package dev.switchboard.routing.queue;

import java.util.Objects;
import java.util.regex.Pattern;

/** A queue's id: 1-32 lower-case letters, digits, {@code _ -}. */
public record QueueId(String value) {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public QueueId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("queue id '" + value
          + "' is invalid: use 1-32 lower-case letters, digits, '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
