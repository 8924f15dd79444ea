package dev.switchboard.gateway.agent;

import dev.switchboard.channels.webchat.ChatEvent;
import dev.switchboard.channels.webchat.ChatMessage;
import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.channels.webchat.Conversations;
import dev.switchboard.channels.webchat.Sender;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Conversations held in memory, for tests of the desktop: numbered messages, clientId dedupe, events to listeners. */
final class FakeConversations implements Conversations {

  private record Listener(Context context, Consumer<ChatEvent> handler) {}

  private final Vertx vertx;
  private final Map<ConversationId, List<ChatMessage>> messages = new HashMap<>();
  private final Set<ConversationId> ended = new HashSet<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  FakeConversations(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public synchronized Future<ChatMessage> post(ConversationId conversation, Sender sender, String author, String text,
      Optional<String> clientId) {
    if (ended.contains(conversation)) {
      return Future.failedFuture(new IllegalArgumentException("conversation " + conversation + " has ended"));
    }
    List<ChatMessage> log = messages.computeIfAbsent(conversation, id -> new ArrayList<>());
    Optional<ChatMessage> same = clientId.flatMap(id -> log.stream().filter(m -> m.clientId().equals(clientId)).findFirst());
    if (same.isPresent()) {
      return Future.succeededFuture(same.get());
    }
    ChatMessage message = new ChatMessage(conversation, log.size() + 1, sender, author, text, Instant.now(), clientId);
    log.add(message);
    publish(new ChatEvent.Posted(message));
    return Future.succeededFuture(message);
  }

  @Override
  public synchronized Future<List<ChatMessage>> after(ConversationId conversation, long seq, int limit) {
    return Future.succeededFuture(messages.getOrDefault(conversation, List.of()).stream()
        .filter(message -> message.seq() > seq).limit(limit).toList());
  }

  @Override
  public Future<Void> typing(ConversationId conversation, Sender sender) {
    publish(new ChatEvent.Typing(conversation, sender, Instant.now()));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> end(ConversationId conversation, Sender by) {
    if (ended.add(conversation)) {
      publish(new ChatEvent.Ended(conversation, by, Instant.now()));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> listen(Consumer<ChatEvent> handler) {
    listeners.add(new Listener(vertx.getOrCreateContext(), handler));
    return Future.succeededFuture();
  }

  synchronized boolean hasEnded(ConversationId conversation) {
    return ended.contains(conversation);
  }

  private void publish(ChatEvent event) {
    listeners.forEach(listener -> listener.context().runOnContext(ignored -> listener.handler().accept(event)));
  }
}
