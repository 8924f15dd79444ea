package dev.switchboard.gateway.chat;

import dev.switchboard.routing.contact.ContactId;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a waiting visitor its queue position now and then periodically, until stopped. Confined to one event loop. */
final class PositionUpdates {

  private static final Logger log = LoggerFactory.getLogger(PositionUpdates.class);

  private final Vertx vertx;
  private final VisitorChat chat;
  private final VisitorConnection connection;
  private long timer = -1;

  PositionUpdates(Vertx vertx, VisitorChat chat, VisitorConnection connection) {
    this.vertx = vertx;
    this.chat = chat;
    this.connection = connection;
  }

  void start(VisitorSession session) {
    if (timer < 0) {
      send(session);
      timer = vertx.setPeriodic(chat.settings.positionInterval().toMillis(), id -> send(session));
    }
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void send(VisitorSession session) {
    chat.estimates.place(new ContactId(session.conversation().value()), session.queue())
        .onSuccess(place -> place.ifPresent(found -> connection.send(VisitorReplies.queue(found))))
        .onFailure(failure -> log.debug("[conversation={}] queue position unavailable: {}", session.conversation(),
            failure.toString()));
  }
}
