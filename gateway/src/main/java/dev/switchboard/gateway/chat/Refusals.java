package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ConversationEndedException;
import dev.switchboard.routing.dispatch.RoutingException;
import dev.switchboard.routing.dispatch.UnknownQueueException;
import dev.switchboard.routing.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failed visitor request into an error frame with a code the widget understands; logs only the unexpected. */
final class Refusals {

  private static final Logger log = LoggerFactory.getLogger(Refusals.class);

  private Refusals() {}

  static void send(VisitorConnection connection, Throwable failure, String what, Object conversation) {
    if (failure instanceof FrameException frame) {
      connection.reject(frame.code(), frame.getMessage());
    } else if (failure instanceof ConversationEndedException) {
      connection.reject("ended", failure.getMessage());
    } else if (failure instanceof UnknownQueueException) {
      connection.reject("unknown-queue", failure.getMessage());
    } else if (failure instanceof StoreUnavailableException) {
      connection.reject("unavailable", "chat is briefly unavailable: retry in a few seconds");
    } else if (failure instanceof IllegalArgumentException || failure instanceof RoutingException) {
      connection.reject("invalid", failure.getMessage());
    } else {
      log.warn("[conversation={}] visitor {} failed: {}", conversation, what, failure.toString());
      connection.reject("internal", "the server could not " + what + "; the failure is logged");
    }
  }
}
