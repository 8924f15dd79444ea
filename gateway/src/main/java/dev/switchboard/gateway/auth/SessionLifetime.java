package dev.switchboard.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How long a session lives: {@code idle} after its last use (sliding), {@code absolute} after sign-in at most. */
public record SessionLifetime(Duration idle, Duration absolute) {

  /** Twelve hours idle (a long shift), seven days at most. */
  public static final SessionLifetime DEFAULT = new SessionLifetime(Duration.ofHours(12), Duration.ofDays(7));

  public SessionLifetime {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(absolute, "absolute");
    if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
      throw new IllegalArgumentException("session lifetime needs 0 < idle (" + idle + ") <= absolute (" + absolute
          + ")");
    }
  }

  /** When a session used at {@code now} expires if not used again. */
  Instant idleExpiry(Instant now, Instant absoluteExpiry) {
    Instant idleEnd = now.plus(idle);
    return idleEnd.isBefore(absoluteExpiry) ? idleEnd : absoluteExpiry;
  }
}
