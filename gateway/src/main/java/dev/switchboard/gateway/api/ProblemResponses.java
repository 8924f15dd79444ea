package dev.switchboard.gateway.api;

import dev.switchboard.routing.store.StoreUnavailableException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a request into an RFC 9457 {@code application/problem+json} response:
 * our own {@link ApiProblem}s, invalid input, Redis being away (503), and the statuses Vert.x Web
 * sets itself (404 no route, 405, 413 body too large). Unexpected failures are logged once here.
 */
public final class ProblemResponses {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  public static final String MEDIA_TYPE = "application/problem+json";

  private ProblemResponses() {}

  /** The failure handler for the whole router. */
  public static void handle(RoutingContext context) {
    if (context.response().headWritten()) {
      context.response().reset();
      return;
    }
    Throwable failure = context.failure();
    if (failure instanceof ApiProblem problem) {
      send(context, problem.status(), problem.title(), problem.detail());
    } else if (failure instanceof DecodeException decode) {
      send(context, 400, "Malformed JSON", "The request body is not valid JSON: " + firstLine(decode.getMessage()));
    } else if (failure instanceof StoreUnavailableException) {
      context.response().putHeader("Retry-After", "5");
      send(context, 503, "Service unavailable",
          "The data store (Redis) is unreachable right now; retry in a few seconds.");
    } else if (failure instanceof IllegalArgumentException invalid) {
      send(context, 400, "Invalid input", invalid.getMessage());
    } else if (failure == null) {
      sendStatus(context, context.statusCode());
    } else {
      log.error("[{} {}] request failed unexpectedly", context.request().method(), context.normalizedPath(), failure);
      send(context, 500, "Internal error", "The server failed to handle this request; the failure is logged.");
    }
  }

  private static void sendStatus(RoutingContext context, int status) {
    switch (status) {
      case 404 -> send(context, 404, "Not found", "No resource at " + context.normalizedPath()
          + "; the API lives under /api/v1 (see docs/api.md).");
      case 405 -> send(context, 405, "Method not allowed",
          context.request().method() + " is not allowed on " + context.normalizedPath() + ".");
      case 413 -> send(context, 413, "Request body too large",
          "The request body exceeds the limit (server.body-limit); send a smaller body or use the import endpoint.");
      case 415 -> send(context, 415, "Unsupported media type", "Send the body as application/json.");
      default -> send(context, status, "Error", "The request failed with status " + status + ".");
    }
  }

  public static void send(RoutingContext context, int status, String title, String detail) {
    JsonObject body = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail)
        .put("instance", context.normalizedPath());
    context.response()
        .setStatusCode(status)
        .putHeader("Content-Type", MEDIA_TYPE)
        .end(body.encode());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
