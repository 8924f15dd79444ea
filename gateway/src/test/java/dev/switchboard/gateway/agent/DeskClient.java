package dev.switchboard.gateway.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A desktop for tests: a real Vert.x WebSocket client that records frames and answers pings. */
final class DeskClient implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);

  private final WebSocketClient client;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final List<JsonObject> seen = new ArrayList<>();
  private final List<JsonObject> unread = new ArrayList<>();
  private volatile boolean answerPings = true;

  private DeskClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if ("ping".equals(frame.getString("type"))) {
        if (answerPings) {
          socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
        }
        return;
      }
      frames.add(frame);
    });
    socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode()));
  }

  static Future<DeskClient> connect(Vertx vertx, int port, String uri, String... headers) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    for (int i = 0; i < headers.length; i += 2) {
      options.addHeader(headers[i], headers[i + 1]);
    }
    return client.connect(options).map(socket -> new DeskClient(client, socket));
  }

  static DeskClient open(Vertx vertx, int port) {
    return await(connect(vertx, port, "/agent/ws"));
  }

  /** Sends hello and returns the welcome frame. */
  JsonObject hello(String token, Long lastSeq) {
    JsonObject hello = new JsonObject().put("type", "hello").put("token", token);
    if (lastSeq != null) {
      hello.put("lastSeq", lastSeq);
    }
    send(hello);
    return next("welcome");
  }

  void send(JsonObject frame) {
    await(socket.writeTextMessage(frame.encode()));
  }

  /** Sends a command and returns its result frame. */
  JsonObject command(String type, JsonObject fields) {
    int id = ids.incrementAndGet();
    send(fields.copy().put("type", type).put("id", id));
    return next(frame -> "result".equals(frame.getString("type")) && Integer.valueOf(id).equals(frame.getInteger("id")),
        "result of " + type);
  }

  JsonObject next(String type) {
    return next(frame -> type.equals(frame.getString("type")), "a '" + type + "' frame");
  }

  /** The first unconsumed frame matching; frames passed over stay for later calls (and in {@link #seen()}). */
  JsonObject next(Predicate<JsonObject> wanted, String what) {
    for (int i = 0; i < unread.size(); i++) {
      if (wanted.test(unread.get(i))) {
        return unread.remove(i);
      }
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
        if (frame == null) {
          throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; seen: " + seen);
        }
        seen.add(frame);
        if (wanted.test(frame)) {
          return frame;
        }
        unread.add(frame);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  List<JsonObject> seen() {
    return seen;
  }

  void stopAnsweringPings() {
    answerPings = false;
  }

  short awaitClose() {
    try {
      return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket not closed within " + WAIT.toSeconds() + " s; seen: " + seen, e);
    }
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      await(socket.close());
    }
    client.close();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
