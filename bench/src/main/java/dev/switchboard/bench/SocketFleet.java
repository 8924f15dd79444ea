package dev.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Opens many client WebSockets from the current context, a bounded number at a time so the server's accept queue
 * is not flooded. A socket that cannot be opened is counted and reported, not retried.
 */
final class SocketFleet {

  private final WebSocketClient client;
  private final List<WebSocket> opened = new ArrayList<>();
  private int failed;
  private String firstFailure = "";

  SocketFleet(Vertx vertx) {
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000)
        .setConnectTimeout(60_000).setIdleTimeout(0));
  }

  /** Opens {@code count} sockets, {@code inFlight} at a time; {@code setup} sees each as soon as it is open. */
  Future<List<WebSocket>> open(int count, int inFlight, IntFunction<WebSocketConnectOptions> options,
      SocketSetup setup) {
    Promise<List<WebSocket>> done = Promise.promise();
    List<WebSocket> sockets = new ArrayList<>(count);
    int[] next = {0};
    int[] finished = {0};
    Runnable[] launch = new Runnable[1];
    launch[0] = () -> {
      int index = next[0]++;
      client.connect(options.apply(index)).onComplete(result -> {
        if (result.succeeded()) {
          sockets.add(result.result());
          opened.add(result.result());
          setup.opened(result.result(), index);
        } else if (failed++ == 0) {
          firstFailure = result.cause().toString();
        }
        if (++finished[0] == count) {
          done.complete(sockets);
        } else if (next[0] < count) {
          launch[0].run();
        }
      });
    };
    if (count == 0) {
      return Future.succeededFuture(sockets);
    }
    for (int i = 0; i < Math.min(inFlight, count); i++) {
      launch[0].run();
    }
    return done.future();
  }

  int failed() {
    return failed;
  }

  String firstFailure() {
    return firstFailure;
  }

  Future<Void> close() {
    return client.close();
  }

  /** Called once per socket as it opens, with its index in the request order. */
  interface SocketSetup {
    void opened(WebSocket socket, int index);
  }
}
