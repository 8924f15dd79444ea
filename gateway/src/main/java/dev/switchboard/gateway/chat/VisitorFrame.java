package dev.switchboard.gateway.chat;

import java.util.Optional;

/** A frame a visitor's widget sends, already checked (docs/visitor-protocol.md). */
sealed interface VisitorFrame {

  /** A signed identity from the site: {@code signature} is hex HMAC-SHA256 of {@code userId} with the site key. */
  record Identity(String userId, String signature) {}

  /** Where a reconnecting visitor left off. */
  record Resume(String conversation, String token, long lastSeq) {}

  record Start(String queue, String name, Optional<String> email, Optional<String> phone, Optional<Identity> identity,
      Optional<Resume> resume) implements VisitorFrame {}

  record Send(String text, Optional<String> clientId) implements VisitorFrame {}

  record Typing() implements VisitorFrame {}

  record End() implements VisitorFrame {}

  record Survey(int rating, String comment) implements VisitorFrame {}

  record LeaveMessage(String name, String email, String text) implements VisitorFrame {}

  record Callback(String phone, Optional<String> when) implements VisitorFrame {}

  record Transcript(String email) implements VisitorFrame {}

  record Ping() implements VisitorFrame {}
}
