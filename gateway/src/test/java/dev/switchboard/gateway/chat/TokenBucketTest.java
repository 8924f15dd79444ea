package dev.switchboard.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsTheBurstThenRefillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(new ChatSettings.Rate(3, 2), 0);

    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).isFalse();
    assertThat(bucket.take(SECOND / 2)).isTrue();
    assertThat(bucket.take(SECOND / 2)).isFalse();
    assertThat(bucket.take(10 * SECOND)).isTrue();
    assertThat(bucket.full(20 * SECOND)).isTrue();
  }

  @Test
  void addressLimitsAreSharedPerAddress() {
    AddressLimits limits = new AddressLimits(new ChatSettings.Rate(1, 1));

    assertThat(limits.take("10.0.0.1", 0)).isTrue();
    assertThat(limits.take("10.0.0.1", 0)).isFalse();
    assertThat(limits.take("10.0.0.2", 0)).isTrue();
  }
}
