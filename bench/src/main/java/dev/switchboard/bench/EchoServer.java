package dev.switchboard.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

/**
 * The chat benchmark's baseline: a bare Vert.x WebSocket server that sends every text frame back on the socket it
 * came from, with one event loop per core as the node has. Run in a JVM of its own: {@code EchoServer PORT}.
 */
public final class EchoServer extends VerticleBase {

  private final int port;

  private EchoServer(int port) {
    this.port = port;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    vertx.deployVerticle(() -> new EchoServer(port), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("echo server listening on " + port))
        .onFailure(failure -> {
          System.err.println("echo server could not listen on " + port + ": " + failure.getMessage());
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .webSocketHandler(socket -> socket.textMessageHandler(socket::writeTextMessage))
        .requestHandler(request -> request.response().end("ok"))
        .listen(port, "127.0.0.1");
  }
}
