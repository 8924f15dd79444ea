package dev.switchboard.config;

import java.util.Objects;

/**
 * A queue's priority rule: contacts whose {@code attribute} equals {@code value} get {@code priority}
 * (0-500); the highest matching rule wins.
 */
public record PriorityRuleSettings(String attribute, String value, int priority) {

  public PriorityRuleSettings {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
  }
}
