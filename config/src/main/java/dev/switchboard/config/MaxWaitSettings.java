package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/** The longest a contact of a queue should wait; then its channel applies {@code fallback}. */
public record MaxWaitSettings(Duration after, String fallback) {

  public MaxWaitSettings {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(fallback, "fallback");
  }
}
