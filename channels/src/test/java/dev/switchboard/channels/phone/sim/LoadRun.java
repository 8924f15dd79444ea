package dev.switchboard.channels.phone.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load of incoming calls: {@code callsPerSecond} for {@code duration}, each held for
 * {@code holdTime} after AGI returned, then hung up. It stops by itself; {@link #report()}
 * completes when the last call has ended.
 */
public final class LoadRun {

  /** What the load did; AGI latencies are from the call's arrival to AGI's return. */
  public record Report(int started, int queued, int failed, List<Long> agiMillis) {
    public Report {
      agiMillis = List.copyOf(agiMillis);
    }

    /** The {@code percentile} (0-100) AGI latency in milliseconds, or -1 without samples. */
    public long agiPercentileMillis(double percentile) {
      if (agiMillis.isEmpty()) {
        return -1;
      }
      List<Long> sorted = new ArrayList<>(agiMillis);
      Collections.sort(sorted);
      int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
  }

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(PbxSimulator.named("sim-load-"));
  private final CompletableFuture<Report> report = new CompletableFuture<>();
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();

  private LoadRun() {}

  static LoadRun start(PbxSimulator pbx, int callsPerSecond, Duration duration, Duration holdTime) {
    if (callsPerSecond <= 0 || callsPerSecond > 10_000) {
      throw new IllegalArgumentException("callsPerSecond must be 1..10000, got " + callsPerSecond);
    }
    LoadRun run = new LoadRun();
    int total = (int) Math.max(1, duration.toMillis() * callsPerSecond / 1000);
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / callsPerSecond;
    run.timer.scheduleAtFixedRate(() -> run.tick(pbx, total, holdTime), 0, periodNanos, TimeUnit.NANOSECONDS);
    return run;
  }

  private void tick(PbxSimulator pbx, int total, Duration holdTime) {
    int number = started.incrementAndGet();
    if (number > total) {
      started.decrementAndGet();
      return;
    }
    long begin = System.nanoTime();
    SimCall call = pbx.incomingCall(String.format("+4930%07d", number));
    call.agiResult().orTimeout(30, TimeUnit.SECONDS).whenComplete((variables, failure) -> {
      if (failure != null) {
        failed.incrementAndGet();
        finish(call, total);
        return;
      }
      latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      (("QUEUED".equals(variables.get("SWITCHBOARD_STATUS"))) ? queued : failed).incrementAndGet();
      timer.schedule(() -> finish(call, total), holdTime.toMillis(), TimeUnit.MILLISECONDS);
    });
  }

  private void finish(SimCall call, int total) {
    if (call.isLive()) {
      call.abandon();
    }
    if (ended.incrementAndGet() == total) {
      report.complete(new Report(started.get(), queued.get(), failed.get(), latencies));
      timer.shutdown();
    }
  }

  public CompletableFuture<Report> report() {
    return report;
  }

  /** Stops starting calls; calls already placed still end. */
  public void stop() {
    timer.shutdownNow();
  }
}
