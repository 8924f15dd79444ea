package dev.switchboard.routing.queue;

import java.util.Objects;

/** Contacts whose attribute equals {@code value} get {@code priority} (the highest matching rule wins). */
public record PriorityRule(String attribute, String value, int priority) {

  public PriorityRule {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
    if (priority < 0 || priority > QueuePolicy.MAX_PRIORITY) {
      throw new IllegalArgumentException("priority rule " + attribute + "=" + value + " gives priority " + priority
          + ": use 0-" + QueuePolicy.MAX_PRIORITY);
    }
  }
}
