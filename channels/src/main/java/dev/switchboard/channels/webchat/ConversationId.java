package dev.switchboard.channels.webchat;

import java.util.Objects;

/** A chat conversation; the same value as the routing contact it is ({@code ContactId}). */
public record ConversationId(String value) {

  public ConversationId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("conversation id '" + value + "' is invalid: use 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
