package dev.switchboard.channels.webchat;

/** A message was posted to a conversation that has ended; start a new conversation instead. */
public final class ConversationEndedException extends IllegalArgumentException {

  public ConversationEndedException(ConversationId conversation) {
    super("conversation " + conversation + " has ended: no more messages can be posted to it; start a new chat");
  }
}
