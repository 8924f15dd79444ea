package dev.switchboard.channels.phone.internal;

import java.time.Instant;
import java.util.Optional;

/** Asterisk's {@code Timestamp:} header (epoch seconds with microseconds) as an {@link Instant}. */
final class AmiTime {

  private AmiTime() {}

  static Optional<Instant> of(Double timestamp) {
    if (timestamp == null || timestamp.isNaN() || timestamp <= 0) {
      return Optional.empty();
    }
    long seconds = (long) Math.floor(timestamp);
    long micros = Math.round((timestamp - seconds) * 1_000_000);
    return Optional.of(Instant.ofEpochSecond(seconds, micros * 1000));
  }

  /** A caller id number as Asterisk reports it, empty for {@code <unknown>} and blanks. */
  static Optional<String> callerId(String number) {
    if (number == null || number.isBlank() || number.equalsIgnoreCase("<unknown>")
        || number.equalsIgnoreCase("unknown")) {
      return Optional.empty();
    }
    return Optional.of(number.trim());
  }
}
