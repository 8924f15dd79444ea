package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency samples in microseconds, recorded from one thread, summarized as percentiles. Samples recorded with
 * the moment they were due can be split by the {@link KernelPasses} they were in flight during.
 */
final class Latencies {

  /** The due time of a sample recorded without one. */
  private static final long NO_DUE = Long.MIN_VALUE;

  private long[] samples;
  private long[] dues;
  private int count;

  Latencies(int expected) {
    samples = new long[Math.max(16, expected)];
    dues = new long[samples.length];
  }

  void record(long micros) {
    record(micros, NO_DUE);
  }

  /** A sample and the {@link System#nanoTime()} its request was due. */
  void record(long micros, long dueNanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
      dues = Arrays.copyOf(dues, samples.length);
    }
    samples[count] = micros;
    dues[count++] = dueNanos;
  }

  int count() {
    return count;
  }

  /**
   * The samples recorded with their due time whose request was in flight during none of {@code passes}
   * (chronological), i.e. untouched by the kernel's memory monitor.
   */
  Latencies outside(List<KernelPasses.Pass> passes) {
    Latencies outside = new Latencies(count);
    for (int i = 0; i < count; i++) {
      if (dues[i] == NO_DUE || !inFlightDuring(passes, dues[i], dues[i] + samples[i] * 1000)) {
        outside.record(samples[i]);
      }
    }
    return outside;
  }

  private static boolean inFlightDuring(List<KernelPasses.Pass> passes, long from, long to) {
    int low = 0;
    int high = passes.size() - 1;
    // the first pass that ends at or after the request was due
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (passes.get(middle).endNanos() < from) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return low < passes.size() && passes.get(low).startNanos() <= to;
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

  /**
   * Where the slow samples (over {@code thresholdMillis}, recorded with their due time) were: how many, in how
   * many bursts (samples due less than 100 ms apart belong to one), and the largest bursts with the second of
   * the run they began in and their slowest sample; empty when there are none. Tells a tail set by a few stalls
   * from one spread over the run.
   */
  String slowBursts(double thresholdMillis, long startNanos) {
    long threshold = (long) (thresholdMillis * 1000);
    List<Integer> slow = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (dues[i] != NO_DUE && samples[i] > threshold) {
        slow.add(i);
      }
    }
    if (slow.isEmpty()) {
      return "";
    }
    slow.sort((x, y) -> Long.compare(dues[x], dues[y]));
    List<long[]> bursts = new ArrayList<>();  // {first due, last due, samples, slowest}
    long[] current = null;
    for (int i : slow) {
      if (current == null || dues[i] - current[1] > 100_000_000L) {
        current = new long[] {dues[i], dues[i], 0, 0};
        bursts.add(current);
      }
      current[1] = dues[i];
      current[2]++;
      current[3] = Math.max(current[3], samples[i]);
    }
    bursts.sort((x, y) -> Long.compare(y[2], x[2]));
    StringBuilder largest = new StringBuilder();
    for (long[] burst : bursts.subList(0, Math.min(3, bursts.size()))) {
      largest.append(String.format("%s%,d at %.1f s (slowest %.1f ms, over %.0f ms)", largest.length() == 0 ? "" : "; ",
          burst[2], (burst[0] - startNanos) / 1e9, burst[3] / 1000.0, (burst[1] - burst[0]) / 1e6));
    }
    return String.format("%,d over %.0f ms in %d bursts; the largest: %s", slow.size(), thresholdMillis, bursts.size(),
        largest);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
