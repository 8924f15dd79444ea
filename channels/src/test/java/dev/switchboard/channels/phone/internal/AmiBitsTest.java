package dev.switchboard.channels.phone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmiBitsTest {

  @Test
  void parsesAsteriskTimestampWithMicroseconds() {
    assertThat(AmiTime.of(1767607200.123456)).hasValueSatisfying(at ->
        assertThat(Duration.between(Instant.parse("2026-01-05T10:00:00.123456Z"), at).abs())
            .isLessThan(Duration.ofNanos(2_000)));
    assertThat(AmiTime.of(null)).isEmpty();
    assertThat(AmiTime.of(Double.NaN)).isEmpty();
    assertThat(AmiTime.of(0.0)).isEmpty();
  }

  @Test
  void backoffDoublesUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(500)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void countsEventsPerSecondAndLag() {
    AmiCounters counters = new AmiCounters();
    counters.eventReceived(10_000, Duration.ofMillis(30));
    counters.eventReceived(10_500, Duration.ofMillis(10));
    counters.eventReceived(11_100, null);

    assertThat(counters.snapshot(11_200).eventsLastSecond()).isEqualTo(2);
    assertThat(counters.snapshot(11_200).eventsReceived()).isEqualTo(3);
    assertThat(counters.snapshot(11_200).lastEventLagMillis()).isEqualTo(10);
    assertThat(counters.snapshot(11_200).maxEventLagMillis()).isEqualTo(30);
    assertThat(counters.snapshot(12_050).eventsLastSecond()).isEqualTo(1);
    assertThat(counters.snapshot(15_000).eventsLastSecond()).isZero();
  }
}
