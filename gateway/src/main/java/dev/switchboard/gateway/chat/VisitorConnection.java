package dev.switchboard.gateway.chat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One visitor WebSocket: rate limits (per connection and per address), frame size, heartbeat, and the hand-off of
 * each accepted frame to its {@link VisitorConversation}. Confined to the event loop that accepted the socket.
 */
final class VisitorConnection {

  private static final Logger log = LoggerFactory.getLogger(VisitorConnection.class);
  static final short POLICY_VIOLATION = 1008;

  private final VisitorChat chat;
  private final String address;
  private final ServerWebSocket socket;
  private final Context context;
  private final TokenBucket bucket;
  private final VisitorConversation conversation;
  private int violations;
  private long lastHeard = System.nanoTime();
  private long heartbeat = -1;
  private boolean closed;

  VisitorConnection(VisitorChat chat, ChatSite site, String address, ServerWebSocket socket) {
    this.chat = chat;
    this.address = address;
    this.socket = socket;
    this.context = Vertx.currentContext();
    this.bucket = new TokenBucket(chat.settings.connectionRate(), System.nanoTime());
    this.conversation = new VisitorConversation(chat, site, this);
  }

  void open() {
    socket.textMessageHandler(this::received);
    socket.binaryMessageHandler(binary -> reject("text-only", "binary frames are not accepted: send JSON text"));
    socket.pongHandler(pong -> lastHeard = System.nanoTime());
    socket.exceptionHandler(failure -> log.debug("[address={}] chat socket failed: {}", address, failure.toString()));
    socket.closeHandler(ignored -> closed());
    long period = chat.settings.heartbeat().toMillis();
    heartbeat = context.owner().setPeriodic(period, period, id -> beat(period));
  }

  Context context() {
    return context;
  }

  void send(JsonObject frame) {
    if (!closed) {
      socket.writeTextMessage(frame.encode());
    }
  }

  void close(String why) {
    if (!closed) {
      socket.close(POLICY_VIOLATION, why);
    }
  }

  private void received(String text) {
    lastHeard = System.nanoTime();
    long now = System.nanoTime();
    if (!bucket.take(now) || !chat.addressLimits.take(address, now)) {
      violations++;
      reject("rate-limited", "too many frames: slow down; this one was dropped");
      if (violations >= chat.settings.violationsBeforeClose()) {
        log.warn("[address={}] closed a chat connection that kept exceeding the rate limit", address);
        close("rate limit exceeded");
      }
      return;
    }
    violations = 0;
    VisitorFrame frame;
    try {
      frame = chat.frames.read(text);
    } catch (FrameException e) {
      reject(e.code(), e.getMessage());
      return;
    }
    conversation.handle(frame);
  }

  void reject(String code, String message) {
    send(VisitorReplies.error(code, message));
  }

  private void beat(long period) {
    if (System.nanoTime() - lastHeard > 3 * period * 1_000_000L) {
      log.debug("[address={}] closed a silent chat connection", address);
      socket.close((short) 1001, "no heartbeat");
      return;
    }
    if (!closed) {
      socket.writePing(Buffer.buffer("hb"));
    }
  }

  private void closed() {
    closed = true;
    if (heartbeat >= 0) {
      context.owner().cancelTimer(heartbeat);
    }
    conversation.disconnected();
  }
}
