package dev.switchboard.gateway.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;

/** Whether a request's {@code Origin} is this server itself (same host and port), as browsers send it. */
public final class Origins {

  private Origins() {}

  /**
   * True when {@code request} carries an {@code Origin} header naming another host or port than the one the
   * request was sent to, or a malformed one; false when it names this server or there is none (not a browser's
   * cross-site request).
   */
  public static boolean crossOrigin(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      HostAndPort authority = request.authority();
      if (authority == null || uri.getHost() == null) {
        return true;
      }
      int originPort = uri.getPort() >= 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
      int hostPort = authority.port() >= 0 ? authority.port() : (request.isSSL() ? 443 : 80);
      return !authority.host().equalsIgnoreCase(uri.getHost()) || originPort != hostPort;
    } catch (IllegalArgumentException malformed) {
      return true;
    }
  }
}
