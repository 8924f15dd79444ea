package dev.switchboard.gateway.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * The {@code sb_session} cookie the web pages use instead of a header: HttpOnly (scripts cannot
 * read it), SameSite=Strict (other sites cannot make the browser send it), and Secure when the
 * request came over HTTPS, directly or through a proxy that says so.
 */
final class SessionCookie {

  static final String NAME = "sb_session";

  private SessionCookie() {}

  static Cookie issue(HttpServerRequest request, SessionToken token, Duration maxAge) {
    return base(request, token.value()).setMaxAge(maxAge.toSeconds());
  }

  static Cookie clear(HttpServerRequest request) {
    return base(request, "").setMaxAge(0);
  }

  private static Cookie base(HttpServerRequest request, String value) {
    return Cookie.cookie(NAME, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
  }
}
