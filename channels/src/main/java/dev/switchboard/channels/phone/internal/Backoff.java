package dev.switchboard.channels.phone.internal;

import java.time.Duration;

/** Exponential backoff: {@code min}, doubling per failure, capped at {@code max}. */
record Backoff(Duration min, Duration max) {

  Duration delay(int failures) {
    if (failures <= 0) {
      return min;
    }
    long millis = min.toMillis() << Math.min(failures, 20);
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
