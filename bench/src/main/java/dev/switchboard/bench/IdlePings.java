package dev.switchboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.List;

/** Sends each idle visitor socket the widget's keep-alive frame every 25 s, spread evenly over the period. */
final class IdlePings {

  private static final int PERIOD_SECONDS = 25;

  private final Vertx vertx;
  private final String frame;
  private long timer = -1;

  IdlePings(Vertx vertx, String frame) {
    this.vertx = vertx;
    this.frame = frame;
  }

  /** Call on the load's context. */
  void start(List<WebSocket> sockets) {
    if (sockets.isEmpty()) {
      return;
    }
    long[] tick = {0};
    timer = vertx.setPeriodic(1000, 1000, id -> {
      int slice = (int) (tick[0]++ % PERIOD_SECONDS);
      for (int i = slice; i < sockets.size(); i += PERIOD_SECONDS) {
        WebSocket socket = sockets.get(i);
        if (!socket.isClosed()) {
          socket.writeTextMessage(frame);
        }
      }
    });
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
