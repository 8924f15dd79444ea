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
 * An open-loop HTTP load of GET requests ({@link OpenLoop}), each latency counted from the moment its
 * request was due. Blocks the caller until the run is over and every answer is in.
 */
final class RateLoad {

  private final Vertx vertx;
  private final HttpClient client;
  private final String authorization;

  /** Every request carries {@code Authorization: Bearer <token>}. */
  RateLoad(Vertx vertx, int port, int connections, String token) {
    this.vertx = vertx;
    this.authorization = "Bearer " + token;
    this.client = vertx.createHttpClient(
        new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  /**
   * @param slowestMs the longest latency
   * @param slowestDueAt when the slowest request was due, in seconds from the start of the run
   * @param kernel the kernel memory monitor's passes during the run and the latencies of the requests they
   *     did not touch ({@link KernelPasses#describe}), empty where the kernel runs none
   */
  record Result(long sent, long ok, long errors, double seconds, double p50, double p99, double p999,
      double slowestMs, double slowestDueAt, String kernel) {
    double achievedRate() {
      return ok / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,d sent, %,d ok, %d errors, %.0f/s, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, "
          + "slowest %.1f ms (due at %.1f s)", sent, ok, errors, achievedRate(), p50, p99, p999, slowestMs, slowestDueAt);
    }
  }

  Result run(LongFunction<String> pathOf, int rate, Duration duration) throws Exception {
    Promise<Result> done = Promise.promise();
    vertx.runOnContext(ignored -> new Run(duration, done).start(pathOf, rate));
    return done.future().toCompletionStage().toCompletableFuture().get(duration.toSeconds() + 60, TimeUnit.SECONDS);
  }

  /** One run's counters; touched only on the run's context. */
  private final class Run {
    private final Duration duration;
    private final Promise<Result> done;
    private Latencies latencies;
    private long sent = -1;
    private long finished;
    private long ok;
    private long errors;
    private long started;
    private long slowestMicros;
    private long slowestDue;

    Run(Duration duration, Promise<Result> done) {
      this.duration = duration;
      this.done = done;
    }

    void start(LongFunction<String> pathOf, int rate) {
      KernelPasses.machine();
      latencies = new Latencies((int) Math.min(50_000_000L, (long) rate * duration.toSeconds()));
      started = System.nanoTime();
      new OpenLoop(vertx, rate, duration, (n, due) -> send(pathOf.apply(n), due), total -> {
        sent = total;
        finishIfDone();
      }).start();
    }

    private void send(String path, long due) {
      Future<Integer> status = client.request(HttpMethod.GET, path)
          .compose(request -> request.putHeader("Authorization", authorization).send().compose(response -> response.body().map(body -> response.statusCode())));
      status.onComplete(result -> {
        long micros = (System.nanoTime() - due) / 1000;
        latencies.record(micros, due);
        if (micros > slowestMicros) {
          slowestMicros = micros;
          slowestDue = due;
        }
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
      if (finished == sent) {
        done.tryComplete(new Result(sent, ok, errors, duration.toNanos() / 1e9, latencies.percentileMillis(0.50),
            latencies.percentileMillis(0.99), latencies.percentileMillis(0.999), slowestMicros / 1000.0,
            (slowestDue - started) / 1e9,
            KernelPasses.machine().describe(latencies, started, System.nanoTime())));
      }
    }
  }
}
