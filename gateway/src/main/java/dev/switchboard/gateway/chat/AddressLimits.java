package dev.switchboard.gateway.chat;

import java.util.concurrent.ConcurrentHashMap;

/** Per client address rate limits shared by every connection of the node; buckets refilled to full are dropped. */
final class AddressLimits {

  private static final int PRUNE_ABOVE = 10_000;

  private final ChatSettings.Rate rate;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  AddressLimits(ChatSettings.Rate rate) {
    this.rate = rate;
  }

  boolean take(String address, long nowNanos) {
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(bucket -> bucket.full(nowNanos));
    }
    return buckets.computeIfAbsent(address, ignored -> new TokenBucket(rate, nowNanos)).take(nowNanos);
  }
}
