package dev.switchboard.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The JVM's just-in-time compilers, waited on between runs. A run's statistics (sorting its samples, finding
 * its slow bursts) get hot and compiled just after it; on a 2-core machine a compiler thread that takes a core
 * for a few hundred milliseconds at the start of the next run delays the node and Redis there, and that delay
 * belongs to the benchmark, not to what it measures.
 */
final class Compilations {

  private static final Duration QUIET = Duration.ofMillis(500);
  private static final Duration AT_MOST = Duration.ofSeconds(10);

  private Compilations() {}

  /** Returns once no compilation has finished for half a second, or after 10 s; at once where the JVM cannot tell. */
  static void awaitQuiet() throws InterruptedException {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long start = System.nanoTime();
    long total = compiler.getTotalCompilationTime();
    long quietSince = start;
    while (System.nanoTime() - start < AT_MOST.toNanos() && System.nanoTime() - quietSince < QUIET.toNanos()) {
      Thread.sleep(20);
      long now = compiler.getTotalCompilationTime();
      if (now != total) {
        total = now;
        quietSince = System.nanoTime();
      }
    }
  }
}
