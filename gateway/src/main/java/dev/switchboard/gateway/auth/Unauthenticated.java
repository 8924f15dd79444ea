package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import io.vertx.ext.web.RoutingContext;

/** A request without a valid session: answered 401 with a {@code WWW-Authenticate: Bearer} challenge. */
final class Unauthenticated extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String MISSING = "Sign in first: POST /api/v1/sessions with {\"account\": ..., \"password\": ...},"
      + " then send the token as 'Authorization: Bearer <token>' (browsers keep the sb_session cookie).";
  static final String INVALID = "The session token is unknown, expired or signed out;"
      + " sign in again with POST /api/v1/sessions.";

  private final boolean invalidToken;

  Unauthenticated(String detail, boolean invalidToken) {
    super(detail, null, false, false);
    this.invalidToken = invalidToken;
  }

  /** Fails the request with the 401 problem and its challenge header. */
  void failRequest(RoutingContext context) {
    context.response().putHeader("WWW-Authenticate", invalidToken
        ? "Bearer realm=\"switchboard\", error=\"invalid_token\"" : "Bearer realm=\"switchboard\"");
    context.fail(new ApiProblem(401, "Unauthorized", getMessage()));
  }
}
