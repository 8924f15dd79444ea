package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/**
 * The session token a request presents, from {@code Authorization: Bearer} (preferred) or the
 * {@code sb_session} cookie. Never from the URL: query strings end up in logs, browser history and
 * proxies, so a token there is refused outright.
 */
record Credential(SessionToken token, boolean fromCookie) {

  private static final String[] URL_TOKEN_PARAMETERS = {"token", "access_token"};

  /** Fails with 400 when the query string carries a token. */
  static void refuseTokenInUrl(RoutingContext context) {
    for (String name : URL_TOKEN_PARAMETERS) {
      if (context.queryParams().contains(name)) {
        throw ApiProblem.badRequest("A session token must not be sent in the URL (query parameter '" + name
            + "'): URLs are kept in logs, browser history and proxies. Send it as 'Authorization: Bearer <token>'"
            + " or let the browser send the sb_session cookie, and sign in again, since this token may have leaked.");
      }
    }
  }

  /** The presented credential; empty when there is none; {@link Unauthenticated} when malformed. */
  static Optional<Credential> from(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null) {
      String trimmed = header.trim();
      if (!trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
        throw new Unauthenticated("The Authorization header must be 'Bearer <token>' with the token from "
            + "POST /api/v1/sessions; other schemes are not accepted.", false);
      }
      return Optional.of(new Credential(token(trimmed.substring(7).trim()), false));
    }
    Cookie cookie = request.getCookie(SessionCookie.NAME);
    if (cookie != null && !cookie.getValue().isEmpty()) {
      return Optional.of(new Credential(token(cookie.getValue()), true));
    }
    return Optional.empty();
  }

  private static SessionToken token(String raw) {
    if (!SessionToken.isWellFormed(raw)) {
      throw new Unauthenticated(Unauthenticated.INVALID, true);
    }
    return new SessionToken(raw);
  }
}
