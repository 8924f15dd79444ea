package dev.switchboard.gateway.agent;

import dev.switchboard.channels.webchat.ChatEvent;
import dev.switchboard.channels.webchat.ChatMessage;
import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.channels.webchat.Conversations;
import dev.switchboard.channels.webchat.Sender;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The conversations of a node without web chat: nothing to listen to, and every chat command fails
 * with a {@code chat-unavailable} error the desktop shows. Stateless.
 */
public final class ChatDisabled implements Conversations {

  private static Future<Void> refused() {
    return Future.failedFuture(new CommandException("chat-unavailable",
        "web chat is not enabled on this node: chat commands cannot be carried out"));
  }

  @Override
  public Future<ChatMessage> post(ConversationId conversation, Sender sender, String author, String text,
      Optional<String> clientId) {
    return refused().map(nothing -> null);
  }

  @Override
  public Future<List<ChatMessage>> after(ConversationId conversation, long seq, int limit) {
    return refused().map(nothing -> null);
  }

  @Override
  public Future<Void> typing(ConversationId conversation, Sender sender) {
    return refused();
  }

  @Override
  public Future<Void> end(ConversationId conversation, Sender by) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> listen(Consumer<ChatEvent> handler) {
    return Future.succeededFuture();
  }
}
