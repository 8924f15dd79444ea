package dev.switchboard.gateway.agent;

import java.time.Clock;

/**
 * A token bucket over one desktop's inbound frames: {@code perSecond} sustained, bursts of twice that.
 * Confined to the connection's event loop.
 */
final class FrameLimiter {

  private final Clock clock;
  private final double perMilli;
  private final double burst;
  private double tokens;
  private long refilled;

  FrameLimiter(Clock clock, int perSecond) {
    this.clock = clock;
    this.perMilli = perSecond / 1000.0;
    this.burst = perSecond * 2.0;
    this.tokens = burst;
    this.refilled = clock.millis();
  }

  /** Takes one frame's token; false when the desktop is over its rate. */
  boolean tryTake() {
    long now = clock.millis();
    tokens = Math.min(burst, tokens + (now - refilled) * perMilli);
    refilled = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
