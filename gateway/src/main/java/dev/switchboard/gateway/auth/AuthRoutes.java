package dev.switchboard.gateway.auth;

import dev.switchboard.routing.store.RedisStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Optional;

/**
 * Sign-in and access control of {@code /api/v1}, mounted in two steps: {@link #protect} first
 * (before any body handler: refuses tokens in URLs, serves sign-in, authenticates everything else and
 * checks the customer API's roles), then {@link #mount} after the body handler (sign-out, me, accounts).
 * Shared by every HTTP verticle; stateless apart from its Redis-backed collaborators.
 */
public final class AuthRoutes {

  private static final int SIGN_IN_BODY_LIMIT = 4096;

  private final AuthHandler authHandler;
  private final SessionRoutes sessions;
  private final AccountRoutes accounts;
  private final AccountProvisioning provisioning;

  public AuthRoutes(RedisAccounts accounts, RedisSessions sessions, RedisSignInThrottle throttle,
      PasswordHasher hasher, Clock clock) {
    this.authHandler = new AuthHandler(sessions, accounts);
    this.sessions = new SessionRoutes(accounts, sessions, throttle, hasher);
    this.accounts = new AccountRoutes(accounts, sessions, throttle, hasher, clock);
    this.provisioning = new AccountProvisioning(accounts, hasher, clock);
  }

  /** Everything with the default lifetimes, limits and {@value PasswordHasher#MIN_ITERATIONS} PBKDF2 iterations. */
  public static AuthRoutes create(RedisStore store, WorkerExecutor hashWorkers, Clock clock) {
    return new AuthRoutes(new RedisAccounts(store), new RedisSessions(store, SessionLifetime.DEFAULT, clock),
        new RedisSignInThrottle(store, SignInLimits.DEFAULT),
        new PasswordHasher(hashWorkers, PasswordHasher.MIN_ITERATIONS), clock);
  }

  public AccountProvisioning provisioning() {
    return provisioning;
  }

  /** The principal of a session token as the API would find it; empty when the session or account is not live. */
  public Future<Optional<Principal>> authenticate(SessionToken token) {
    return authHandler.principal(token);
  }

  /**
   * The token a request presents in its {@code Authorization} header or {@code sb_session} cookie; empty
   * when there is none or it is malformed. Never reads the URL.
   */
  public static Optional<SessionToken> presentedToken(HttpServerRequest request) {
    try {
      return Credential.from(request).map(Credential::token);
    } catch (Unauthenticated malformed) {
      return Optional.empty();
    }
  }

  /** Mount first on the API router: every later route sees a {@link Principal}. */
  public void protect(Router api) {
    api.route().handler(context -> {
      Credential.refuseTokenInUrl(context);
      context.next();
    });
    api.post("/sessions").handler(BodyHandler.create(false).setBodyLimit(SIGN_IN_BODY_LIMIT))
        .respond(sessions::signIn);
    api.route().handler(authHandler);
    guardCustomers(api);
  }

  /** Mount after the body handler. */
  public void mount(Router api) {
    api.delete("/sessions/current").respond(sessions::signOut);
    api.get("/me").respond(sessions::me);
    accounts.mount(api);
  }

  /** Agents read customers; changing the directory (writes, deletes, import, notes) takes a supervisor. */
  private static void guardCustomers(Router api) {
    api.get("/customers").handler(RoleGuard.require(Role.AGENT));
    api.get("/customers/*").handler(RoleGuard.require(Role.AGENT));
    api.post("/customers").handler(RoleGuard.require(Role.SUPERVISOR));
    api.post("/customers/*").handler(RoleGuard.require(Role.SUPERVISOR));
    api.put("/customers/*").handler(RoleGuard.require(Role.SUPERVISOR));
    api.delete("/customers/*").handler(RoleGuard.require(Role.SUPERVISOR));
  }
}
