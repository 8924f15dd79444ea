package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The passes of the kernel's memory-access monitor (DAMON's {@code kdamond} threads) while a benchmark runs.
 * Where a machine's kernel runs one, as the virtual machines this project is measured on do (sampling every
 * 500 ms to reclaim cold memory for the host), each pass walks the page tables of the busy processes and
 * stalls them for milliseconds; the load generators count the requests in flight during a pass, so that a
 * reader sees which part of a latency tail is the machine's. The monitor's run time is read from
 * {@code /proc/PID/schedstat} about every millisecond by one daemon thread.
 */
final class KernelPasses {

  /** A pass: from the last reading before the monitor ran to the last reading at which it had run. */
  record Pass(long startNanos, long endNanos, long cpuNanos) {}

  /** Passes are one pass while the monitor runs again within this much. */
  private static final long QUIET_NANOS = 3_000_000;
  private static final KernelPasses MACHINE = new KernelPasses(monitorThreads());

  private final List<Path> schedstats;
  private final List<Pass> passes = new ArrayList<>();

  private KernelPasses(List<Path> schedstats) {
    this.schedstats = schedstats;
    if (!schedstats.isEmpty()) {
      Thread watcher = new Thread(this::watch, "kernel-passes");
      watcher.setDaemon(true);
      watcher.start();
    }
  }

  /** This machine's monitor, watched from the first call on for the rest of the JVM's life. */
  static KernelPasses machine() {
    return MACHINE;
  }

  boolean found() {
    return !schedstats.isEmpty();
  }

  /** The passes that overlap {@code [fromNanos, toNanos]}, in order. */
  synchronized List<Pass> between(long fromNanos, long toNanos) {
    return passes.stream().filter(pass -> pass.endNanos() >= fromNanos && pass.startNanos() <= toNanos).toList();
  }

  /**
   * One line on the passes over a measured window and the samples of {@code all} they touched, or empty where the
   * kernel runs no such monitor. A sample is touched when its request was in flight during a pass that ran from
   * {@code fromNanos} on, even one after {@code toNanos} (a request still on its way when the window closed).
   */
  String describe(Latencies all, long fromNanos, long toNanos) {
    if (!found()) {
      return "";
    }
    List<Pass> window = between(fromNanos, toNanos);
    if (window.size() < 2) {
      return "kernel memory monitor (kdamond): " + window.size() + " passes";
    }
    Latencies outside = all.outside(between(fromNanos, Long.MAX_VALUE));
    long touched = all.count() - outside.count();
    double[] cpu = window.stream().mapToDouble(pass -> pass.cpuNanos() / 1e6).toArray();
    double[] gaps = new double[window.size() - 1];
    for (int i = 1; i < window.size(); i++) {
      gaps[i - 1] = (window.get(i).startNanos() - window.get(i - 1).startNanos()) / 1e9;
    }
    return String.format("kernel memory monitor (kdamond): %d passes, one every %.2f s, median %.1f ms of CPU "
        + "(longest %.1f); %,d requests (%.1f %%) in flight during one; the others: p50 %.3f ms, p99 %.3f ms",
        window.size(), Latencies.median(gaps), Latencies.median(cpu), Arrays.stream(cpu).max().orElse(0),
        touched, 100.0 * touched / Math.max(1, all.count()), outside.percentileMillis(0.5),
        outside.percentileMillis(0.99));
  }

  /** Prints a {@link #describe} line, indented under the result it belongs to; nothing for an empty one. */
  static void print(String description) {
    if (!description.isEmpty()) {
      System.out.println("  " + description);
    }
  }

  private void watch() {
    long[] last = new long[schedstats.size()];
    read(last);
    long lastReading = System.nanoTime();
    long openStart = 0;
    long openEnd = 0;
    long openCpu = 0;
    long[] now = new long[last.length];
    while (true) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
      long readAt = System.nanoTime();
      if (!read(now)) {
        return;
      }
      long ran = 0;
      for (int i = 0; i < now.length; i++) {
        ran += now[i] - last[i];
      }
      System.arraycopy(now, 0, last, 0, now.length);
      if (ran > 0) {
        if (openCpu == 0) {
          openStart = lastReading;
        }
        openEnd = readAt;
        openCpu += ran;
      } else if (openCpu > 0 && readAt - openEnd > QUIET_NANOS) {
        synchronized (this) {
          passes.add(new Pass(openStart, openEnd, openCpu));
        }
        openCpu = 0;
      }
      lastReading = readAt;
    }
  }

  /** Each monitor thread's total run time in nanoseconds; false once one is gone. */
  private boolean read(long[] into) {
    for (int i = 0; i < into.length; i++) {
      try {
        String line = Files.readString(schedstats.get(i));
        into[i] = Long.parseLong(line.substring(0, line.indexOf(' ')));
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
    return true;
  }

  private static List<Path> monitorThreads() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return List.of();
    }
    try (Stream<Path> processes = Files.list(proc)) {
      return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(dir -> {
            try {
              return Files.readString(dir.resolve("comm")).startsWith("kdamond");
            } catch (IOException | UncheckedIOException e) {
              return false;
            }
          })
          .map(dir -> dir.resolve("schedstat"))
          .filter(Files::isReadable)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
