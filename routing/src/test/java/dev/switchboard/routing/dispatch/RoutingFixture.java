package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** A router and a view on a fresh center of the test Redis, with a manual clock. */
final class RoutingFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  final Vertx vertx = Vertx.vertx();
  final TestRedis.Connected redis = TestRedis.connect(vertx);
  final ManualClock clock = new ManualClock(START);
  final RecordingOutcomes outcomes = new RecordingOutcomes();
  final RoutingView view = new RoutingView(redis.store(), clock);
  final Router router;

  RoutingFixture(RoutingRules rules, RoutingSettings settings) {
    router = new Router(vertx, redis.store(), clock, rules, settings.withSweepInterval(Duration.ofHours(1)), outcomes);
    await(router.start());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("no answer within 10 s", e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new IllegalStateException("no answer within 10 s", e);
    }
    throw new AssertionError("expected a failure, got success");
  }

  @Override
  public void close() {
    await(router.stop());
    redis.close();
    await(vertx.close());
  }
}
