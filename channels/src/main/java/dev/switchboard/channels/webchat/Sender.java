package dev.switchboard.channels.webchat;

/** Who wrote a chat message. */
public enum Sender {
  VISITOR,
  AGENT,
  /** Switchboard itself: "an agent joined", "the chat ended". */
  SYSTEM
}
