package dev.switchboard.routing.queue;

import java.time.LocalTime;
import java.util.Objects;

/** One opening period of a day, {@code from} inclusive, {@code to} exclusive. */
public record OpenPeriod(LocalTime from, LocalTime to) {

  public OpenPeriod {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("opening period " + from + "-" + to + " ends before it starts: use from < to");
    }
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(from) && time.isBefore(to);
  }
}
