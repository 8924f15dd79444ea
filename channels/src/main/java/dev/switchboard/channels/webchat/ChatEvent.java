package dev.switchboard.channels.webchat;

import java.time.Instant;

/** Something that happened in a conversation, delivered on every node ({@link Conversations#listen}). */
public sealed interface ChatEvent {

  ConversationId conversation();

  /** A message was stored. */
  record Posted(ChatMessage message) implements ChatEvent {
    @Override
    public ConversationId conversation() {
      return message.conversation();
    }
  }

  /** One side is typing (not stored; a hint that fades after a few seconds). */
  record Typing(ConversationId conversation, Sender sender, Instant at) implements ChatEvent {}

  /** The conversation ended, by whom. */
  record Ended(ConversationId conversation, Sender by, Instant at) implements ChatEvent {}
}
