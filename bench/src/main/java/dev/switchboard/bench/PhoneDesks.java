package dev.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * Agent desktops on the node's {@code /agent/ws}, one per token: each says hello, goes READY and hands every
 * voice {@code offer} (the screen-pop) to {@code offers} with the caller's number the pop matched on. The calls
 * themselves are answered by the simulated agent phones, as a real agent picks up the ringing phone.
 */
final class PhoneDesks {

  private final Vertx vertx;
  private final int port;
  private final List<String> tokens;
  private final Consumer<String> offers;
  private final SocketFleet fleet;
  private int ready;
  private long refusals;
  private String firstRefusal = "";

  /** @param offers called on the desks' context with the caller number ({@code match.value}) of each offer */
  PhoneDesks(Vertx vertx, int port, List<String> tokens, Consumer<String> offers) {
    this.vertx = vertx;
    this.port = port;
    this.tokens = List.copyOf(tokens);
    this.offers = offers;
    this.fleet = new SocketFleet(vertx);
  }

  /** Opens every desktop and completes once all are READY. Call on the desks' context. */
  Future<Void> open() {
    return fleet.open(tokens.size(), 50, index -> new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
            .setURI("/agent/ws").addHeader("Origin", "http://127.0.0.1:" + port), (socket, index) -> {
          socket.textMessageHandler(text -> onFrame(socket, new JsonObject(text)));
          socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", tokens.get(index)).encode());
        })
        .compose(opened -> fleet.failed() > 0
            ? Future.failedFuture(fleet.failed() + " desktops could not connect, first: " + fleet.firstFailure())
            : allReady(60));
  }

  private void onFrame(io.vertx.core.http.WebSocket desk, JsonObject frame) {
    switch (frame.getString("type", "")) {
      case "welcome" -> desk.writeTextMessage(new JsonObject().put("type", "presence").put("state", "READY")
          .put("id", "ready").encode());
      case "offer" -> {
        JsonObject match = frame.getJsonObject("match", new JsonObject());
        offers.accept(match.getString("value", ""));
      }
      case "result" -> {
        if (frame.getBoolean("ok", false)) {
          if ("ready".equals(String.valueOf(frame.getValue("id")))) {
            ready++;
          }
        } else {
          refused(frame.getString("error"));
        }
      }
      case "error" -> refused(frame.getString("code") + " " + frame.getString("error"));
      case "ping" -> desk.writeTextMessage("{\"type\":\"pong\"}");
      default -> { }
    }
  }

  private void refused(String why) {
    if (refusals++ == 0) {
      firstRefusal = why;
    }
  }

  long refusals() {
    return refusals;
  }

  String firstRefusal() {
    return firstRefusal;
  }

  private Future<Void> allReady(int seconds) {
    Promise<Void> done = Promise.promise();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    vertx.setPeriodic(1, 100, timer -> {
      if (ready == tokens.size()) {
        vertx.cancelTimer(timer);
        done.complete();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(timer);
        done.fail(ready + " of " + tokens.size() + " desktops READY after " + seconds + " s"
            + (refusals > 0 ? "; first refusal: " + firstRefusal : ""));
      }
    });
    return done.future();
  }

  Future<Void> close() {
    return fleet.close();
  }
}
