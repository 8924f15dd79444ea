package dev.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's real protocols: agent desktops on {@code /agent/ws} (signed in, READY, accepting every offer) and
 * visitors on {@code /chat/ws}. The first visitors start a chat in queue {@code support} and are answered by an
 * agent; the rest stay connected without a chat, sending the widget's {@code ping} every 25 s.
 */
final class ChatRelay implements Relay {

  private static final String ORIGIN = "http://bench.example";

  private final Vertx vertx;
  private final int port;
  private final int visitors;
  private final int wanted;
  private final List<String> agentTokens;
  private final Relay.Receiver receiver;
  private final SocketFleet fleet;
  private final List<WebSocket> visitorSockets = new ArrayList<>();
  private final List<WebSocket> talking = new ArrayList<>();
  private final List<AgentContact> answered = new ArrayList<>();
  private final IdlePings pings;
  private int visitorsOpen;
  private int ready;
  private long refusals;
  private long nextId;

  private record AgentContact(WebSocket desk, String contact) {}

  /** @param wanted how many visitors start a chat (at most the agents' chat capacity) */
  ChatRelay(Vertx vertx, int port, int visitors, int wanted, List<String> agentTokens, Relay.Receiver receiver) {
    this.vertx = vertx;
    this.port = port;
    this.visitors = visitors;
    this.wanted = wanted;
    this.agentTokens = List.copyOf(agentTokens);
    this.receiver = receiver;
    this.fleet = new SocketFleet(vertx);
    this.pings = new IdlePings(vertx, "{\"type\":\"ping\"}");
  }

  @Override
  public Future<Void> open() {
    return fleet.open(agentTokens.size(), 50, index -> options("/agent/ws"), this::desk)
        .compose(desks -> until(() -> ready == agentTokens.size(), 60, "agents READY"))
        .compose(agentsReady -> fleet.open(visitors, 500, index -> options("/chat/ws?site=bench"), this::visitor))
        .compose(connected -> startChats())
        .compose(started -> until(() -> talking.size() >= wanted && answered.size() >= wanted, 300,
            "chats answered"))
        .recover(slow -> {
          System.out.println("  warning: " + slow.getMessage() + "; measuring the " + pairs() + " pairs ready");
          return Future.succeededFuture();
        })
        .onSuccess(ignored -> {
          if (fleet.failed() > 0) {
            System.out.printf("  %,d sockets could not be opened, first: %s%n", fleet.failed(), fleet.firstFailure());
          }
          pings.start(visitorSockets.subList(Math.min(wanted, visitorSockets.size()), visitorSockets.size()));
        });
  }

  private WebSocketConnectOptions options(String uri) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri).addHeader("Origin", ORIGIN);
  }

  private void desk(WebSocket socket, int index) {
    socket.textMessageHandler(text -> onDeskFrame(socket, new JsonObject(text)));
    socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", agentTokens.get(index)).encode());
  }

  private void onDeskFrame(WebSocket desk, JsonObject frame) {
    switch (frame.getString("type", "")) {
      case "welcome" -> command(desk, new JsonObject().put("type", "presence").put("state", "READY"), "ready");
      case "offer" -> command(desk, new JsonObject().put("type", "accept").put("contact", frame.getString("contact")),
          "accept:" + frame.getString("contact"));
      case "chat" -> {
        JsonObject message = frame.getJsonObject("message");
        if ("visitor".equals(message.getString("sender"))) {
          receiver.received(message.getString("text"));
        }
      }
      case "result" -> onResult(desk, frame);
      case "ping" -> desk.writeTextMessage("{\"type\":\"pong\"}");
      case "error" -> refusals++;
      default -> { }
    }
  }

  private void onResult(WebSocket desk, JsonObject result) {
    String id = String.valueOf(result.getValue("id"));
    if (!result.getBoolean("ok", false)) {
      if (refusals++ < 5) {
        System.out.println("  refused desk command " + id + ": " + result.getString("error"));
      }
    } else if (id.equals("ready")) {
      ready++;
    } else if (id.startsWith("accept:")) {
      answered.add(new AgentContact(desk, id.substring("accept:".length())));
    }
  }

  private void command(WebSocket desk, JsonObject command, String id) {
    desk.writeTextMessage(command.put("id", id).encode());
  }

  private void visitor(WebSocket socket, int index) {
    visitorsOpen++;
    visitorSockets.add(socket);
    socket.closeHandler(closed -> visitorsOpen--);
    socket.textMessageHandler(text -> onVisitorFrame(socket, new JsonObject(text)));
  }

  private void onVisitorFrame(WebSocket socket, JsonObject frame) {
    switch (frame.getString("type", "")) {
      case "agent" -> talking.add(socket);
      case "message" -> {
        if ("agent".equals(frame.getString("sender"))) {
          receiver.received(frame.getString("text"));
        }
      }
      case "error" -> {
        if (refusals++ < 5) {
          System.out.println("  refused visitor frame: " + frame.getString("code") + " " + frame.getString("message"));
        }
      }
      default -> { }
    }
  }

  /** Starts the chats 100 at a time every 50 ms, as visitors opening the widget would, not all in one instant. */
  private Future<Void> startChats() {
    Promise<Void> done = Promise.promise();
    int count = Math.min(wanted, visitorSockets.size());
    int[] next = {0};
    vertx.setPeriodic(1, 50, timer -> {
      for (int i = 0; i < 100 && next[0] < count; i++, next[0]++) {
        visitorSockets.get(next[0]).writeTextMessage(new JsonObject().put("type", "start").put("queue", "support")
            .put("name", "Visitor " + next[0]).encode());
      }
      if (next[0] >= count) {
        vertx.cancelTimer(timer);
        done.complete();
      }
    });
    return done.future();
  }

  private Future<Void> until(java.util.function.BooleanSupplier condition, int seconds, String what) {
    Promise<Void> done = Promise.promise();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    vertx.setPeriodic(1, 100, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        done.complete();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(timer);
        done.fail(what + " not reached within " + seconds + " s (" + talking.size() + " visitors talking, "
            + answered.size() + " chats accepted, " + ready + " agents ready)");
      }
    });
    return done.future();
  }

  @Override
  public int pairs() {
    return Math.min(talking.size(), answered.size());
  }

  @Override
  public void sendFromVisitor(int pair, String text) {
    talking.get(pair).writeTextMessage(new JsonObject().put("type", "send").put("text", text).encode());
  }

  @Override
  public void sendFromAgent(int pair, String text) {
    AgentContact contact = answered.get(pair);
    contact.desk().writeTextMessage(new JsonObject().put("type", "message").put("id", nextId++)
        .put("contact", contact.contact()).put("text", text).encode());
  }

  @Override
  public int openVisitorSockets() {
    return visitorsOpen;
  }

  @Override
  public long refusals() {
    return refusals;
  }

  @Override
  public Future<Void> close() {
    pings.stop();
    return fleet.close();
  }
}
