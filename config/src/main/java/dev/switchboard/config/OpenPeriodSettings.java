package dev.switchboard.config;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One opening period of a day, {@code from} inclusive, {@code to} exclusive; written {@code 09:00-18:00}.
 * An end of {@code 24:00} is read as {@link LocalTime#MAX}, the end of the day.
 */
public record OpenPeriodSettings(LocalTime from, LocalTime to) {

  public OpenPeriodSettings {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("opening period " + from + "-" + to + " ends before it starts");
    }
  }
}
