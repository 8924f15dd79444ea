package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Route handlers that let a signed-in principal through only with a role: {@code RoleGuard.require(Role.ADMIN)}. */
public final class RoleGuard {

  private RoleGuard() {}

  /**
   * Passes principals whose role includes {@code needed}; others get 403 naming the role. Mount after
   * {@link AuthHandler}.
   */
  public static Handler<RoutingContext> require(Role needed) {
    return context -> {
      Principal principal = Principal.of(context);
      if (principal.role().includes(needed)) {
        context.next();
      } else {
        context.fail(forbidden(principal, needed, context));
      }
    };
  }

  static ApiProblem forbidden(Principal principal, Role needed, RoutingContext context) {
    return new ApiProblem(403, "Forbidden", context.request().method() + " " + context.normalizedPath()
        + " needs the " + needed.wireName() + " role; account '" + principal.id() + "' is "
        + article(principal.role()) + " " + principal.role().wireName() + ". Ask an admin if you need it.");
  }

  private static String article(Role role) {
    return role == Role.AGENT || role == Role.ADMIN ? "an" : "a";
  }
}
