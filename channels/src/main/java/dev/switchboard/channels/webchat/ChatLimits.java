package dev.switchboard.channels.webchat;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of the conversation log.
 *
 * @param maxText longest message text, in characters (code points)
 * @param maxMessages most messages one conversation may hold
 * @param retention how long a conversation stays in Redis after its last message or its end
 */
public record ChatLimits(int maxText, int maxMessages, Duration retention) {

  /** Longest message text accepted by default. */
  public static final int MAX_TEXT = 2000;
  /** Most messages in one conversation by default. */
  public static final int MAX_MESSAGES = 2000;
  /** Longest author name accepted. */
  public static final int MAX_AUTHOR = 100;
  /** Longest client message id accepted. */
  public static final int MAX_CLIENT_ID = 64;

  public ChatLimits {
    if (maxText < 1 || maxMessages < 1) {
      throw new IllegalArgumentException("chat limits must be positive: maxText " + maxText + ", maxMessages " + maxMessages);
    }
    Objects.requireNonNull(retention, "retention");
    if (retention.toSeconds() < 1) {
      throw new IllegalArgumentException("chat retention " + retention + " must be at least one second");
    }
  }

  /** 2000 characters, 2000 messages, kept 30 days. */
  public static ChatLimits defaults() {
    return new ChatLimits(MAX_TEXT, MAX_MESSAGES, Duration.ofDays(30));
  }

  /** Fails with a message saying what is wrong with a message about to be posted. */
  void check(ConversationId conversation, String author, String text, java.util.Optional<String> clientId) {
    int length = text.codePointCount(0, text.length());
    if (text.isBlank()) {
      throw new IllegalArgumentException("message to conversation " + conversation + " is empty: send some text");
    }
    if (length > maxText) {
      throw new IllegalArgumentException("message to conversation " + conversation + " is " + length
          + " characters long: the limit is " + maxText + "; split it into several messages");
    }
    if (author.length() > MAX_AUTHOR) {
      throw new IllegalArgumentException("author name of a message to conversation " + conversation + " is "
          + author.length() + " characters long: the limit is " + MAX_AUTHOR);
    }
    clientId.ifPresent(id -> {
      if (id.isEmpty() || id.length() > MAX_CLIENT_ID || id.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("client message id of conversation " + conversation
            + " must be 1-" + MAX_CLIENT_ID + " printable characters");
      }
    });
  }
}
