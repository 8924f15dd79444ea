package dev.switchboard.gateway.chat;

/** A token bucket rate limiter; thread-safe (one per address is shared by several event loops). */
final class TokenBucket {

  private final ChatSettings.Rate rate;
  private double tokens;
  private long last;

  TokenBucket(ChatSettings.Rate rate, long nowNanos) {
    this.rate = rate;
    this.tokens = rate.burst();
    this.last = nowNanos;
  }

  /** Takes one token; false when the bucket is empty. */
  synchronized boolean take(long nowNanos) {
    tokens = Math.min(rate.burst(), tokens + (nowNanos - last) / 1e9 * rate.perSecond());
    last = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  synchronized boolean full(long nowNanos) {
    return tokens + (nowNanos - last) / 1e9 * rate.perSecond() >= rate.burst();
  }
}
