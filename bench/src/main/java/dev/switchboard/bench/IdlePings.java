package dev.switchboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.List;

/**
 * Sends each idle visitor socket the widget's keep-alive frame every 25 s, spread evenly over the period: a few
 * sockets every 10 ms, as widgets opened at random moments would, never a burst of hundreds at once that would
 * hold up the measured messages behind it.
 */
final class IdlePings {

  private static final int PERIOD_MILLIS = 25_000;
  private static final int TICK_MILLIS = 10;
  private static final int SLICES = PERIOD_MILLIS / TICK_MILLIS;

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
    timer = vertx.setPeriodic(TICK_MILLIS, TICK_MILLIS, id -> {
      int slice = (int) (tick[0]++ % SLICES);
      for (int i = slice; i < sockets.size(); i += SLICES) {
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
