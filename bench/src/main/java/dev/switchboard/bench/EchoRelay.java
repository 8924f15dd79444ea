package dev.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline's sockets on the {@link EchoServer}: as many visitor and agent sockets as the chat run, the same
 * frames at the same rate; a text comes back on the socket that sent it, where its latency is taken.
 */
final class EchoRelay implements Relay {

  private final int port;
  private final int visitors;
  private final int agents;
  private final int wanted;
  private final Relay.Receiver receiver;
  private final SocketFleet fleet;
  private final IdlePings pings;
  private final List<WebSocket> visitorSockets = new ArrayList<>();
  private final List<WebSocket> agentSockets = new ArrayList<>();
  private int visitorsOpen;

  EchoRelay(Vertx vertx, int port, int visitors, int agents, int wanted, Relay.Receiver receiver) {
    this.port = port;
    this.visitors = visitors;
    this.agents = agents;
    this.wanted = wanted;
    this.receiver = receiver;
    this.fleet = new SocketFleet(vertx);
    this.pings = new IdlePings(vertx, "{\"type\":\"ping\"}");
  }

  @Override
  public Future<Void> open() {
    return fleet.open(agents, 50, this::options, (socket, index) -> {
          agentSockets.add(socket);
          socket.textMessageHandler(this::echoed);
        })
        .compose(desks -> fleet.open(visitors, 500, this::options, (socket, index) -> {
          visitorSockets.add(socket);
          visitorsOpen++;
          socket.closeHandler(closed -> visitorsOpen--);
          socket.textMessageHandler(this::echoed);
        }))
        .onSuccess(connected -> {
          if (fleet.failed() > 0) {
            System.out.printf("  %,d sockets could not be opened, first: %s%n", fleet.failed(), fleet.firstFailure());
          }
          pings.start(visitorSockets.subList(Math.min(wanted, visitorSockets.size()), visitorSockets.size()));
        })
        .mapEmpty();
  }

  private WebSocketConnectOptions options(int index) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/echo")
        .addHeader("Origin", "http://bench.example");
  }

  private void echoed(String text) {
    JsonObject frame = new JsonObject(text);
    if ("send".equals(frame.getString("type"))) {
      receiver.received(frame.getString("text"));
    }
  }

  @Override
  public int pairs() {
    return agentSockets.isEmpty() ? 0 : Math.min(wanted, visitorSockets.size());
  }

  @Override
  public void sendFromVisitor(int pair, String text) {
    visitorSockets.get(pair).writeTextMessage(new JsonObject().put("type", "send").put("text", text).encode());
  }

  @Override
  public void sendFromAgent(int pair, String text) {
    agentSockets.get(pair % agentSockets.size()).writeTextMessage(new JsonObject().put("type", "send")
        .put("text", text).encode());
  }

  @Override
  public int openVisitorSockets() {
    return visitorsOpen;
  }

  @Override
  public long refusals() {
    return 0;
  }

  @Override
  public Future<Void> close() {
    pings.stop();
    return fleet.close();
  }
}
