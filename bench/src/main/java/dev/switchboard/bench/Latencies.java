package dev.switchboard.bench;

import java.util.Arrays;

/** Latency samples in microseconds, recorded from one thread, summarized as percentiles. */
final class Latencies {

  private long[] samples;
  private int count;

  Latencies(int expected) {
    samples = new long[Math.max(16, expected)];
  }

  void record(long micros) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[count++] = micros;
  }

  int count() {
    return count;
  }

  /** The q-quantile (0..1) in milliseconds; 0 with no samples. */
  double percentileMillis(double q) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.ceil(q * count) - 1);
    return sorted[Math.max(0, index)] / 1000.0;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
