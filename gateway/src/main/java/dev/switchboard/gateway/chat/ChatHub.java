package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ChatEvent;
import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.channels.webchat.Conversations;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.RoutingEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's switch for visitor connections: receives every chat event (from {@link Conversations#listen}) and
 * every routing event (from the {@link EventFeed}) and hands those of a conversation to the visitor connections
 * of this node that hold it, on each connection's own context. Thread-safe.
 */
public final class ChatHub {

  /** A visitor connection as the hub sees it; its methods are called on {@link #context()}. */
  interface Link {
    Context context();

    void chat(ChatEvent event);

    void routing(RoutingEvent event);
  }

  private final ConcurrentHashMap<String, Set<Link>> links = new ConcurrentHashMap<>();

  /** Subscribes to both feeds; the future completes once Redis confirmed both subscriptions. */
  public Future<Void> start(Conversations conversations, EventFeed feed) {
    return Future.all(conversations.listen(this::chat), feed.start(this::routing)).mapEmpty();
  }

  void attach(ConversationId conversation, Link link) {
    links.computeIfAbsent(conversation.value(), ignored -> ConcurrentHashMap.newKeySet()).add(link);
  }

  void detach(ConversationId conversation, Link link) {
    links.computeIfPresent(conversation.value(), (id, set) -> {
      set.remove(link);
      return set.isEmpty() ? null : set;
    });
  }

  private void chat(ChatEvent event) {
    for (Link link : links.getOrDefault(event.conversation().value(), Set.of())) {
      link.context().runOnContext(ignored -> link.chat(event));
    }
  }

  private void routing(RoutingEvent event) {
    String contact = null;
    if (event instanceof RoutingEvent.ContactChanged changed) {
      contact = changed.contact().value();
    } else if (event instanceof RoutingEvent.FallbackRequested fallback) {
      contact = fallback.contact().value();
    }
    if (contact == null) {
      return;
    }
    for (Link link : links.getOrDefault(contact, Set.of())) {
      link.context().runOnContext(ignored -> link.routing(event));
    }
  }
}
