package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import dev.switchboard.gateway.api.JsonBodies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out: {@code POST /api/v1/sessions}, {@code DELETE /api/v1/sessions/current} and
 * {@code GET /api/v1/me}. A wrong password, an unknown account and a disabled one all get the same
 * 401, in about the same time. Tokens and passwords are never logged.
 */
final class SessionRoutes {

  private static final Logger log = LoggerFactory.getLogger(SessionRoutes.class);
  static final String WRONG = "The account name or password is wrong, or the account is disabled;"
      + " check both and try again. Repeated failures lock sign-in for a while.";

  private final RedisAccounts accounts;
  private final RedisSessions sessions;
  private final RedisSignInThrottle throttle;
  private final PasswordHasher hasher;

  SessionRoutes(RedisAccounts accounts, RedisSessions sessions, RedisSignInThrottle throttle, PasswordHasher hasher) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.throttle = throttle;
    this.hasher = hasher;
  }

  Future<JsonObject> signIn(RoutingContext context) {
    JsonObject body = JsonBodies.object(context);
    String name = JsonBodies.text(body, "account");
    String password = JsonBodies.text(body, "password");
    Optional<AccountId> id = Optional.of(name).filter(AccountId::isValid).map(AccountId::new);
    String address = context.request().remoteAddress().hostAddress();
    return throttle.attempt(id, address).compose(wait -> {
      if (wait.isPresent()) {
        log.warn("[account={} address={}] sign-in refused: too many failures, retry in {} s",
            id.map(AccountId::value).orElse("(invalid name)"), address, wait.get().toSeconds());
        throw tooMany(context, wait.get());
      }
      return check(id, password);
    }).compose(account -> {
      if (account.isEmpty()) {
        log.info("[account={} address={}] sign-in failed", id.map(AccountId::value).orElse("(invalid name)"), address);
        throw new ApiProblem(401, "Unauthorized", WRONG);
      }
      return throttle.succeeded(account.get().id(), address).compose(done -> sessions.open(account.get()));
    }).map(issued -> {
      log.info("[account={} address={}] signed in as {}", issued.session().account(), address,
          issued.session().role().wireName());
      context.response().setStatusCode(201).putHeader("Cache-Control", "no-store")
          .addCookie(SessionCookie.issue(context.request(), issued.token(), sessions.lifetime().absolute()));
      return new JsonObject()
          .put("token", issued.token().value())
          .put("account", issued.session().account().value())
          .put("role", issued.session().role().wireName())
          .put("expiresAt", issued.expiresAt().toString());
    });
  }

  /** The account when the password matches an enabled account; a decoy hash keeps unknown names as slow. */
  private Future<Optional<Account>> check(Optional<AccountId> id, String password) {
    Future<Optional<Account>> found = id.isPresent() ? accounts.get(id.get())
        : Future.succeededFuture(Optional.empty());
    return found.compose(account -> hasher.verify(password, account.map(Account::passwordHash)
            .orElse(PasswordHasher.DECOY))
        .map(matches -> account.filter(enabled -> matches && !enabled.disabled())));
  }

  Future<Void> signOut(RoutingContext context) {
    Principal principal = Principal.of(context);
    return sessions.close(principal.token()).map(closed -> {
      log.info("[account={}] signed out", principal.id());
      context.response().setStatusCode(204).addCookie(SessionCookie.clear(context.request()));
      return null;
    });
  }

  Future<JsonObject> me(RoutingContext context) {
    Principal principal = Principal.of(context);
    return Future.succeededFuture(AccountJson.toJson(principal.account())
        .put("session", new JsonObject()
            .put("created", principal.session().created().toString())
            .put("absoluteExpiry", principal.session().absoluteExpiry().toString())));
  }

  static ApiProblem tooMany(RoutingContext context, Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    context.response().putHeader("Retry-After", Long.toString(seconds));
    return new ApiProblem(429, "Too many failed sign-ins", "Too many failed sign-ins for this account or from"
        + " this address; try again in " + seconds + " s, or ask an admin to set a new password.");
  }
}
