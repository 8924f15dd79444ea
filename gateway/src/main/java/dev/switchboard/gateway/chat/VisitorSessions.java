package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.store.RedisStore;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Visitor sessions in Redis ({@code sb:{c}:chat:<id>:visitor}): the conversation's site, queue, visitor name,
 * customer and the SHA-256 of the visitor's resume token. The token itself is returned once and never stored.
 * Thread-safe; futures complete on the caller's context.
 */
final class VisitorSessions {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RedisStore store;
  private final Duration retention;

  VisitorSessions(RedisStore store, Duration retention) {
    this.store = store;
    this.retention = retention;
  }

  /** Stores a new session and returns its resume token. */
  Future<String> create(VisitorSession session) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Map<String, String> fields = new java.util.HashMap<>(Map.of("token", hash(token), "site", session.site(),
        "queue", session.queue().value(), "name", session.name()));
    session.customer().ifPresent(customer -> fields.put("customer", customer.value()));
    String key = key(session.conversation());
    return store.run(redis -> redis.hset(key, fields))
        .compose(ignored -> store.run(redis -> redis.expire(key, retention.toSeconds())))
        .map(ignored -> token);
  }

  /** The session when {@code token} is its resume token; empty for an unknown conversation or a wrong token. */
  Future<Optional<VisitorSession>> resume(ConversationId conversation, String token) {
    return store.run(redis -> redis.hgetall(key(conversation))).map(hash -> {
      String stored = hash.get("token");
      if (stored == null || !MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
          hash(token).getBytes(StandardCharsets.US_ASCII))) {
        return Optional.empty();
      }
      return Optional.of(new VisitorSession(conversation, hash.get("site"), new QueueId(hash.get("queue")),
          hash.get("name"), Optional.ofNullable(hash.get("customer")).map(CustomerId::new)));
    });
  }

  /** Records that {@code connection} now holds the conversation (the newest connection wins). */
  Future<Void> hold(ConversationId conversation, String connection) {
    return store.run(redis -> redis.hset(key(conversation), "connection", connection)).mapEmpty();
  }

  /** Whether {@code connection} is still the newest connection of the conversation. */
  Future<Boolean> holds(ConversationId conversation, String connection) {
    return store.run(redis -> redis.hget(key(conversation), "connection")).map(connection::equals);
  }

  private String key(ConversationId conversation) {
    return store.keys().key("chat", conversation.value(), "visitor");
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
