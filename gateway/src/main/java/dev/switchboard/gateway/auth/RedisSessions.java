package dev.switchboard.gateway.auth;

import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in Redis under the SHA-256 of their token ({@code sb:{center}:session:<digest>}), never the
 * token itself. Each use pushes the idle expiry (the key's TTL) forward, up to the absolute expiry.
 * Thread-safe; futures complete on the caller's context.
 */
public final class RedisSessions {

  private static final LuaScript OPEN = LuaScript.load("/dev/switchboard/gateway/auth/open-session.lua",
      ScriptOutputType.INTEGER);
  private static final LuaScript USE = LuaScript.load("/dev/switchboard/gateway/auth/use-session.lua",
      ScriptOutputType.MULTI);
  private static final LuaScript CLOSE_ALL = LuaScript.load(
      "/dev/switchboard/gateway/auth/close-account-sessions.lua", ScriptOutputType.INTEGER);

  private final RedisStore store;
  private final SessionLifetime lifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final RecentSessions recent;

  public RedisSessions(RedisStore store, SessionLifetime lifetime, Clock clock) {
    this.store = store;
    this.lifetime = lifetime;
    this.clock = clock;
    this.recent = new RecentSessions(clock, System::nanoTime);
  }

  /** Opens a session for {@code account}; the token is returned here and nowhere else. */
  public Future<IssuedSession> open(Account account) {
    Instant now = clock.instant();
    Instant absolute = now.plus(lifetime.absolute());
    Instant idleEnd = lifetime.idleExpiry(now, absolute);
    SessionToken token = SessionToken.generate(random);
    Session session = new Session(account.id(), account.role(), now, absolute);
    return store.<Long>eval(OPEN, new String[] {key(token), accountSessionsKey(account.id())},
        Long.toString(Duration.between(now, idleEnd).toMillis()), token.digest(),
        Long.toString(lifetime.absolute().toMillis()),
        "account", account.id().value(),
        "role", account.role().wireName(),
        "created", Long.toString(now.toEpochMilli()),
        "expires", Long.toString(absolute.toEpochMilli()))
        .map(done -> new IssuedSession(token, session, idleEnd));
  }

  /** A live session and the stored fields of its account, empty when the account is gone. */
  record Use(Session session, Map<String, String> account) {}

  /** The live session of {@code token}, its idle expiry pushed forward; empty when unknown or expired. */
  public Future<Optional<Session>> use(SessionToken token) {
    return useWithAccount(token).map(use -> use.map(Use::session));
  }

  /**
   * Like {@link #use}, reading the session's account in the same round trip (every authenticated request
   * does this). A damaged session is ended and reads as none.
   */
  Future<Optional<Use>> useWithAccount(SessionToken token) {
    String key = key(token);
    return store.<List<Object>>eval(USE, new String[] {key}, Long.toString(clock.millis()),
        Long.toString(lifetime.idle().toMillis()), store.keys().key("account", "")).compose(reply -> {
          if (reply.isEmpty()) {
            return Future.succeededFuture(Optional.<Use>empty());
          }
          Optional<Session> session = parse(pairs(reply.get(0)));
          if (session.isEmpty()) {
            return store.run(commands -> commands.del(key)).map(deleted -> Optional.<Use>empty());
          }
          return Future.succeededFuture(Optional.of(new Use(session.get(), pairs(reply.get(1)))));
        });
  }

  /** Ends the session of {@code token}; true when it was live. */
  public Future<Boolean> close(SessionToken token) {
    String digest = token.digest();
    recent.forget(digest);
    return store.run(commands -> commands.del(key(token))).map(deleted -> {
      recent.forget(digest);
      return deleted > 0;
    });
  }

  /**
   * Ends every session of {@code account} but {@code keep} (the caller's own, after changing its
   * password); the future holds how many ended.
   */
  public Future<Long> closeAll(AccountId account, java.util.Optional<SessionToken> keep) {
    recent.forgetAccount(account);
    return store.<Long>eval(CLOSE_ALL, new String[] {accountSessionsKey(account)}, store.keys().key("session", ""),
        keep.map(SessionToken::digest).orElse("")).map(ended -> {
          recent.forgetAccount(account);
          return ended;
        });
  }

  /** Stops serving this node's recently confirmed sessions of {@code account}: its role or state changed. */
  public void accountChanged(AccountId account) {
    recent.forgetAccount(account);
  }

  /** The sessions this node confirmed lately (see {@link RecentSessions}). */
  RecentSessions recent() {
    return recent;
  }

  SessionLifetime lifetime() {
    return lifetime;
  }

  private String accountSessionsKey(AccountId account) {
    return store.keys().key("account-sessions", account.value());
  }

  private String key(SessionToken token) {
    return store.keys().key("session", token.digest());
  }

  private static Map<String, String> pairs(Object flat) {
    List<?> values = (List<?>) flat;
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < values.size(); i += 2) {
      fields.put(String.valueOf(values.get(i)), String.valueOf(values.get(i + 1)));
    }
    return fields;
  }

  private static Optional<Session> parse(Map<String, String> fields) {
    if (fields.isEmpty() || !AccountId.isValid(fields.get("account"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Session(new AccountId(fields.get("account")), Role.named(fields.get("role")),
          Instant.ofEpochMilli(Long.parseLong(fields.get("created"))),
          Instant.ofEpochMilli(Long.parseLong(fields.get("expires")))));
    } catch (RuntimeException damaged) {
      return Optional.empty();
    }
  }
}
