package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import dev.switchboard.gateway.web.Origins;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a request through only with a live session: finds the token (header or cookie), loads the
 * session and the account as they are now, and puts the {@link Principal} in the context. Missing,
 * invalid or expired sessions, and disabled or deleted accounts, get 401 with a Bearer challenge.
 * Cookie-authenticated writes from another origin get 403. Runs on event loops; pauses the request
 * body while it looks the session up, so body handlers after it still see the whole body.
 */
public final class AuthHandler implements Handler<RoutingContext> {

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final RedisSessions sessions;
  private final RedisAccounts accounts;

  public AuthHandler(RedisSessions sessions, RedisAccounts accounts) {
    this.sessions = sessions;
    this.accounts = accounts;
  }

  @Override
  public void handle(RoutingContext context) {
    Optional<Credential> credential;
    try {
      credential = Credential.from(context.request());
    } catch (Unauthenticated rejected) {
      rejected.failRequest(context);
      return;
    }
    if (credential.isEmpty()) {
      new Unauthenticated(Unauthenticated.MISSING, false).failRequest(context);
      return;
    }
    if (credential.get().fromCookie() && crossOriginWrite(context.request())) {
      context.fail(new ApiProblem(403, "Forbidden", "A " + context.request().method() + " from origin '"
          + context.request().getHeader("Origin") + "' may not use the session cookie of this server; "
          + "send the request from the Switchboard pages or with an Authorization header."));
      return;
    }
    HttpServerRequest request = context.request();
    boolean paused = !request.isEnded();
    if (paused) {
      request.pause();
    }
    principal(credential.get().token()).onComplete(result -> {
      if (result.succeeded() && result.result().isPresent()) {
        result.result().get().attachTo(context);
        if (paused) {
          // a route that answers without reading the body (413, 403) must not leave the client stuck sending it
          context.addEndHandler(ended -> resume(request));
        }
        context.next();
        return;
      }
      if (result.failed()) {
        context.fail(result.cause());
      } else {
        new Unauthenticated(Unauthenticated.INVALID, true).failRequest(context);
      }
      if (paused) {
        resume(request);
      }
    });
  }

  /** The principal of {@code token}: recently confirmed on this node, or confirmed now against Redis. */
  Future<Optional<Principal>> principal(SessionToken token) {
    RecentSessions recent = sessions.recent();
    String digest = token.digest();
    Optional<Principal> known = recent.get(digest);
    if (known.isPresent()) {
      return Future.succeededFuture(known);
    }
    long mark = recent.mark();
    return confirm(token).onSuccess(found -> found.ifPresent(principal -> recent.keep(digest, principal, mark)));
  }

  private Future<Optional<Principal>> confirm(SessionToken token) {
    return sessions.useWithAccount(token).compose(use -> {
      if (use.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      Session session = use.get().session();
      Optional<Account> account = RedisAccounts.fromStored(session.account(), use.get().account());
      if (account.isPresent() && !account.get().disabled()) {
        return Future.succeededFuture(Optional.of(new Principal(account.get(), session, token)));
      }
      return sessions.close(token).map(closed -> Optional.<Principal>empty());
    });
  }

  /** Resumes a paused body unless it has been read meanwhile (resuming a read HTTP/2 request throws). */
  private static void resume(HttpServerRequest request) {
    if (!request.isEnded()) {
      request.resume();
    }
  }

  private static boolean crossOriginWrite(HttpServerRequest request) {
    return !SAFE.contains(request.method()) && Origins.crossOrigin(request);
  }
}
