package dev.switchboard.gateway.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Who is calling: the account as it is now (its current role and state), and the session the
 * request came with. {@link AuthHandler} puts it in the routing context for the handlers after it.
 */
public record Principal(Account account, Session session, SessionToken token) {

  private static final String KEY = "switchboard.principal";

  public Principal {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(token, "token");
  }

  public AccountId id() {
    return account.id();
  }

  public Role role() {
    return account.role();
  }

  /** The principal of a request that passed {@link AuthHandler}. */
  public static Principal of(RoutingContext context) {
    Principal principal = context.get(KEY);
    if (principal == null) {
      throw new IllegalStateException("No signed-in principal on " + context.request().method() + " "
          + context.normalizedPath() + ": mount this route after the AuthHandler");
    }
    return principal;
  }

  void attachTo(RoutingContext context) {
    context.put(KEY, this);
  }

  @Override
  public String toString() {
    return "Principal[" + account.id() + ", " + account.role().wireName() + "]";
  }
}
