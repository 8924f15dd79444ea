package dev.switchboard.channels.webchat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation, as stored.
 *
 * @param seq position in the conversation, 1, 2, 3... with no gaps; a client resumes after the last it saw
 * @param author display name shown to the other side (the agent's name, the visitor's name)
 * @param text plain text; pages always render it as text, never as markup
 * @param clientId the sending client's own id for the message, so a resend after a reconnect is not stored twice
 */
public record ChatMessage(
    ConversationId conversation, long seq, Sender sender, String author, String text, Instant at,
    Optional<String> clientId) {

  public ChatMessage {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(clientId, "clientId");
    if (seq < 1) {
      throw new IllegalArgumentException("message seq " + seq + " must be 1 or more");
    }
  }
}
