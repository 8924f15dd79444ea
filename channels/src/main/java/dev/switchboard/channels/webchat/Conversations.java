package dev.switchboard.channels.webchat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The message log of every chat conversation of a center, shared by all nodes through Redis.
 *
 * <p>Non-blocking; futures complete on the caller's context. A message is stored (and numbered)
 * before {@link #post} completes, so acknowledging it to its sender after that loses nothing. Posting
 * again with the same {@code clientId} returns the stored message instead of a second copy.
 * Failures: {@code IllegalArgumentException} for input over the limits or an ended conversation;
 * {@code StoreUnavailableException} when Redis cannot be reached.
 */
public interface Conversations {

  /** Stores a message at the end of the conversation and publishes it to every node. */
  Future<ChatMessage> post(ConversationId conversation, Sender sender, String author, String text,
      Optional<String> clientId);

  /** Up to {@code limit} messages with seq greater than {@code seq}, in order: what a reconnecting client missed. */
  Future<List<ChatMessage>> after(ConversationId conversation, long seq, int limit);

  /** Tells every node that one side is typing. */
  Future<Void> typing(ConversationId conversation, Sender sender);

  /** Ends the conversation (further posts fail) and tells every node. Ending twice is harmless. */
  Future<Void> end(ConversationId conversation, Sender by);

  /** Receives every event of every conversation on this node, on the context that called this. */
  Future<Void> listen(Consumer<ChatEvent> handler);
}
