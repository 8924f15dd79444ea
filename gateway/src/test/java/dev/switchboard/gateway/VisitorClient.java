package dev.switchboard.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A visitor's WebSocket for tests: a real Vert.x client that records every frame the server sends. */
public final class VisitorClient implements AutoCloseable {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();

  private VisitorClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode()));
  }

  public static WebSocketConnectOptions options(int port, String site, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/chat/ws?site=" + site);
    if (origin != null) {
      options.addHeader("Origin", origin);
    } else {
      options.setAllowOriginHeader(false);
    }
    return options;
  }

  public static VisitorClient connect(Vertx vertx, int port) {
    return connect(vertx, options(port, "demo", "http://127.0.0.1:" + port));
  }

  public static VisitorClient connect(Vertx vertx, WebSocketConnectOptions options) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket socket = wait(client.connect(options));
    return new VisitorClient(client, socket);
  }

  public void send(JsonObject frame) {
    wait(socket.writeTextMessage(frame.encode()));
  }

  /** Writes without waiting: for floods, where the server may close the socket part-way. */
  void fire(String text) {
    socket.writeTextMessage(text);
  }

  void sendRaw(String text) {
    wait(socket.writeTextMessage(text));
  }

  /** The next frame of this type, waiting up to 10 s; frames of other types are kept in {@link #seen()}. */
  public JsonObject next(String type) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      JsonObject frame;
      try {
        frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for a " + type + " frame", e);
      }
      if (frame == null) {
        break;
      }
      seen.add(frame);
      if (type.equals(frame.getString("type"))) {
        return frame;
      }
    }
    throw new AssertionError("no '" + type + "' frame within 10 s; received " + seen);
  }

  /** Every frame taken so far by {@link #next}, in order. */
  List<JsonObject> seen() {
    return List.copyOf(seen);
  }

  List<JsonObject> seen(String type) {
    return seen.stream().filter(frame -> type.equals(frame.getString("type"))).toList();
  }

  /** The future's value within 10 s; its own failure is rethrown as is. */
  static <T> T wait(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 10 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() throws Exception {
    if (!closed.isDone()) {
      socket.close().await(10, TimeUnit.SECONDS);
    }
    client.close().await(10, TimeUnit.SECONDS);
  }
}
