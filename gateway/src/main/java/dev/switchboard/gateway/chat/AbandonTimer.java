package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.Sender;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a waiting visitor who lost the connection {@link ChatSettings#abandonAfter()} to come back, on any node;
 * when no newer connection took the conversation and it still waits, the contact is abandoned and the conversation
 * ended, so no agent is offered a visitor who has gone.
 */
final class AbandonTimer {

  private static final Logger log = LoggerFactory.getLogger(AbandonTimer.class);

  private AbandonTimer() {}

  static void start(Vertx vertx, VisitorChat chat, VisitorSession session, String connection) {
    vertx.setTimer(chat.settings.abandonAfter().toMillis(), id -> check(chat, session, connection)
        .onFailure(failure -> log.warn("[conversation={}] could not check whether the visitor came back: {}",
            session.conversation(), failure.toString())));
  }

  private static Future<Void> check(VisitorChat chat, VisitorSession session, String connection) {
    ContactId contact = new ContactId(session.conversation().value());
    return chat.sessions.holds(session.conversation(), connection).compose(gone -> !gone
        ? Future.succeededFuture()
        : chat.view.contact(contact).compose(snapshot -> waiting(snapshot)
            ? chat.router.abandon(contact).compose(ended -> chat.conversations.end(session.conversation(), Sender.SYSTEM))
                .onSuccess(ignored -> log.info("[conversation={}] visitor left while waiting: contact abandoned",
                    session.conversation()))
            : Future.succeededFuture()));
  }

  private static boolean waiting(Optional<ContactSnapshot> snapshot) {
    return snapshot.map(ContactSnapshot::state)
        .filter(state -> state == ContactState.QUEUED || state == ContactState.OFFERED).isPresent();
  }
}
