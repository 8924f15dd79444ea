package dev.switchboard.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link Relay} open loop: {@code rate} messages per second in total, alternating visitor → agent and
 * agent → visitor, round-robin over the pairs. Each text carries the {@link System#nanoTime()} its send was due,
 * so the relay latency (due → the other end's socket delivered it) includes any delay in sending.
 */
final class RelayLoad implements Relay.Receiver {

  private static final String PREFIX = "bench:";
  private static final String PADDING = "x".repeat(64);

  private final Vertx vertx;
  private final Context context;
  private Latencies latencies = new Latencies(16);
  private long measureFrom = Long.MAX_VALUE;
  private long measureUntil = Long.MIN_VALUE;
  private long received;

  RelayLoad(Vertx vertx, Context context) {
    this.vertx = vertx;
    this.context = context;
  }

  /**
   * What one measured period did.
   *
   * @param kernel the kernel memory monitor's passes and the messages they did not touch
   *     ({@link KernelPasses#describe}), empty where the kernel runs none
   */
  record Result(int sockets, long sent, long received, double seconds, double p50, double p99, double p999,
      double max, long refusals, String kernel) {

    double rate() {
      return sent / seconds;
    }

    /** Messages of the measured period that reached the other side, per second of it. */
    double relayedRate() {
      return received / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,d messages sent (%,.0f/s), %,d relayed; relay latency p50 %.2f ms, p99 %.2f ms, "
          + "p99.9 %.2f ms, max %.2f ms; %d refused frames; %,d visitor sockets open", sent, rate(), received, p50,
          p99, p999, max, refusals, sockets);
    }
  }

  @Override
  public void received(String text) {
    if (!text.startsWith(PREFIX)) {
      return;
    }
    long due = Long.parseLong(text, PREFIX.length(), text.indexOf(':', PREFIX.length()), 10);
    if (due >= measureFrom && due < measureUntil) {
      latencies.record((System.nanoTime() - due) / 1000, due);
      received++;
    }
  }

  /** Runs a warm-up, then the measured period, then waits 2 s for messages still on their way. Blocks. */
  Result run(Relay relay, int rate, Duration warmUp, Duration measure) throws Exception {
    int pairs = onContext(relay::pairs);
    if (pairs == 0) {
      throw new IllegalStateException("no visitor-agent pair is ready: nothing to measure");
    }
    drive(relay, rate, warmUp);
    onContext(() -> {
      latencies = new Latencies((int) Math.min(50_000_000L, (long) rate * measure.toSeconds()));
      received = 0;
      measureFrom = System.nanoTime();
      measureUntil = Long.MAX_VALUE;
      return null;
    });
    KernelPasses.machine();
    long sent = drive(relay, rate, measure);
    long end = onContext(() -> measureUntil = System.nanoTime());
    Thread.sleep(2000);
    double seconds = (end - measureFrom) / 1e9;
    return onContext(() -> new Result(relay.openVisitorSockets(), sent, received, seconds,
        latencies.percentileMillis(0.5), latencies.percentileMillis(0.99), latencies.percentileMillis(0.999),
        latencies.percentileMillis(1.0), relay.refusals(),
        KernelPasses.machine().describe(latencies, measureFrom, end)));
  }

  private long drive(Relay relay, int rate, Duration duration) throws Exception {
    Promise<Long> done = Promise.promise();
    context.runOnContext(ignored -> {
      int pairs = relay.pairs();
      new OpenLoop(vertx, rate, duration, (number, due) -> {
        String text = PREFIX + due + ":" + PADDING;
        int pair = (int) ((number / 2) % pairs);
        if (number % 2 == 0) {
          relay.sendFromVisitor(pair, text);
        } else {
          relay.sendFromAgent(pair, text);
        }
      }, done::complete).start();
    });
    return done.future().toCompletionStage().toCompletableFuture().get(duration.toSeconds() + 60, TimeUnit.SECONDS);
  }

  private <T> T onContext(java.util.concurrent.Callable<T> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> {
      try {
        promise.complete(action.call());
      } catch (Exception e) {
        promise.fail(e);
      }
    });
    return promise.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
