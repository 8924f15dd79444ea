package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  private static final long MS = 1_000_000;

  @Test
  void percentilesCountEverySample() {
    Latencies latencies = new Latencies(2);
    for (int micros = 1; micros <= 100; micros++) {
      latencies.record(micros * 1000L);
    }
    assertThat(latencies.count()).isEqualTo(100);
    assertThat(latencies.percentileMillis(0.5)).isEqualTo(50.0);
    assertThat(latencies.percentileMillis(0.99)).isEqualTo(99.0);
  }

  @Test
  void requestsInFlightDuringAPassAreLeftOut() {
    List<KernelPasses.Pass> passes = List.of(new KernelPasses.Pass(100 * MS, 120 * MS, 15 * MS),
        new KernelPasses.Pass(640 * MS, 660 * MS, 15 * MS));
    Latencies latencies = new Latencies(16);
    latencies.record(500, 10 * MS);   // done at 10.5 ms: before the first pass
    latencies.record(25_000, 95 * MS); // 95..120 ms: stalled by the first
    latencies.record(3_000, 119 * MS); // due during the first
    latencies.record(400, 121 * MS);  // after it
    latencies.record(300, 639 * MS);  // 639..639.3 ms: just before the second
    latencies.record(2_000, 659 * MS); // during the second
    latencies.record(700, 900 * MS);  // after both
    latencies.record(9_000);          // no due time: always kept

    Latencies outside = latencies.outside(passes);

    assertThat(outside.count()).isEqualTo(5);
    assertThat(outside.percentileMillis(1.0)).isEqualTo(9.0);
    assertThat(latencies.outside(List.of()).count()).isEqualTo(8);
  }

  @Test
  void slowSamplesAreGroupedIntoBurstsByWhenTheyWereDue() {
    long start = 1_000 * MS;
    Latencies latencies = new Latencies(16);
    latencies.record(500, start + 10 * MS);          // fast: not counted
    latencies.record(12_000, start + 2_000 * MS);    // a burst of three at 2 s, 150 ms long
    latencies.record(30_000, start + 2_080 * MS);
    latencies.record(15_000, start + 2_150 * MS);
    latencies.record(11_000, start + 5_000 * MS);    // alone at 5 s: more than 100 ms after the last
    latencies.record(10_000, start + 5_050 * MS);    // at the threshold: not slow
    latencies.record(20_000);                        // no due time: not placed

    assertThat(latencies.slowBursts(10, start))
        .isEqualTo("4 over 10 ms in 2 bursts; the largest: 3 at 2.0 s (slowest 30.0 ms, over 150 ms); "
            + "1 at 5.0 s (slowest 11.0 ms, over 0 ms)");
    assertThat(new Latencies(4).slowBursts(10, start)).isEmpty();
  }
}
