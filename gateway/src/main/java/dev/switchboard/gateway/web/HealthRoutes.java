package dev.switchboard.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code /health}: the process is alive and serving HTTP. {@code /ready}: every dependency answers,
 * each check bounded by a timeout; 503 with the failing checks otherwise.
 */
public final class HealthRoutes {

  private static final long CHECK_TIMEOUT_MS = 1500;

  private final List<ReadinessCheck> checks;

  public HealthRoutes(List<ReadinessCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  public void mount(Router router) {
    router.get("/health").handler(context -> context.json(new JsonObject().put("status", "UP")));
    router.get("/ready").handler(this::ready);
  }

  private void ready(RoutingContext context) {
    List<Future<JsonObject>> results = new ArrayList<>();
    for (ReadinessCheck check : checks) {
      long started = System.nanoTime();
      results.add(check.check()
          .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .map(detail -> new JsonObject().put("status", "UP").put("detail", detail)
              .put("latencyMs", (System.nanoTime() - started) / 1_000_000.0))
          .otherwise(failure -> new JsonObject().put("status", "DOWN").put("detail", describe(failure))));
    }
    Future.all(results).onComplete(done -> {
      JsonObject byName = new JsonObject();
      boolean allUp = true;
      for (int i = 0; i < checks.size(); i++) {
        JsonObject result = results.get(i).result();
        byName.put(checks.get(i).name(), result);
        allUp &= "UP".equals(result.getString("status"));
      }
      context.response().setStatusCode(allUp ? 200 : 503);
      context.json(new JsonObject().put("status", allUp ? "READY" : "NOT_READY").put("checks", byName));
    });
  }

  private static String describe(Throwable failure) {
    if (failure.getClass().getSimpleName().contains("Timeout")) {
      return "no answer within " + CHECK_TIMEOUT_MS + " ms";
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
