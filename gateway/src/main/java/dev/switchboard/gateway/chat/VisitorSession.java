package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import java.util.Objects;
import java.util.Optional;

/** What the server keeps about one visitor's conversation so the visitor can resume it (its token is kept hashed). */
record VisitorSession(ConversationId conversation, String site, QueueId queue, String name,
    Optional<CustomerId> customer) {

  VisitorSession {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(customer, "customer");
  }
}
