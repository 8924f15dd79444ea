package dev.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * An open-loop HTTP load: requests are due at a fixed rate, sent from one Vert.x event loop in
 * 1 ms ticks, and each latency counts from the moment its request was due. Blocks the caller
 * until the run is over and every answer is in (or timed out).
 */
final class RateLoad {

  private final Vertx vertx;
  private final HttpClient client;

  RateLoad(Vertx vertx, int port, int connections) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(
        new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  record Result(long sent, long ok, long errors, double seconds, double p50, double p99, double p999) {
    double achievedRate() {
      return ok / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,d sent, %,d ok, %d errors, %.0f/s, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms",
          sent, ok, errors, achievedRate(), p50, p99, p999);
    }
  }

  Result run(LongFunction<String> pathOf, int rate, Duration duration) throws Exception {
    Promise<Result> done = Promise.promise();
    vertx.runOnContext(ignored -> new Run(pathOf, rate, duration, done).start());
    return done.future().toCompletionStage().toCompletableFuture()
        .get(duration.toSeconds() + 60, TimeUnit.SECONDS);
  }

  private final class Run {
    private final LongFunction<String> pathOf;
    private final long intervalNanos;
    private final long durationNanos;
    private final Promise<Result> done;
    private final Latencies latencies;
    private long started;
    private long sent;
    private long finished;
    private long ok;
    private long errors;
    private long timer;

    Run(LongFunction<String> pathOf, int rate, Duration duration, Promise<Result> done) {
      this.pathOf = pathOf;
      this.intervalNanos = 1_000_000_000L / rate;
      this.durationNanos = duration.toNanos();
      this.done = done;
      this.latencies = new Latencies((int) Math.min(Integer.MAX_VALUE - 8, (long) rate * duration.toSeconds()));
    }

    void start() {
      started = System.nanoTime();
      timer = vertx.setPeriodic(1, 1, tick -> sendDue());
    }

    private void sendDue() {
      long now = System.nanoTime();
      long end = Math.min(now, started + durationNanos);
      while (started + sent * intervalNanos <= end) {
        long due = started + sent * intervalNanos;
        send(pathOf.apply(sent), due);
        sent++;
      }
      if (now >= started + durationNanos) {
        vertx.cancelTimer(timer);
        finishIfDone();
      }
    }

    private void send(String path, long due) {
      Future<Integer> status = client.request(HttpMethod.GET, path)
          .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())));
      status.onComplete(result -> {
        latencies.record((System.nanoTime() - due) / 1000);
        if (result.succeeded() && result.result() == 200) {
          ok++;
        } else {
          errors++;
        }
        finished++;
        finishIfDone();
      });
    }

    private void finishIfDone() {
      if (finished == sent && System.nanoTime() >= started + durationNanos) {
        double seconds = durationNanos / 1e9;
        done.tryComplete(new Result(sent, ok, errors, seconds, latencies.percentileMillis(0.50),
            latencies.percentileMillis(0.99), latencies.percentileMillis(0.999)));
      }
    }
  }
}
