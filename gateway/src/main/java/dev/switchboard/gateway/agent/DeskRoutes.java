package dev.switchboard.gateway.agent;

import dev.switchboard.gateway.auth.AuthRoutes;
import dev.switchboard.gateway.auth.Principal;
import dev.switchboard.gateway.auth.SessionToken;
import dev.switchboard.gateway.web.Origins;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the agent desktop: the WebSocket {@code /agent/ws} and the page under {@code /agent/}. The
 * upgrade is authenticated by the session cookie (or an Authorization header, which must then be valid)
 * when one is presented, else by the token of the first frame (a stale cookie does not block it); a token in the URL is refused before the upgrade, and so is a
 * cookie sent from another origin. Shared by every HTTP verticle; each socket stays on the event loop
 * that accepted it.
 */
public final class DeskRoutes {

  private static final Logger log = LoggerFactory.getLogger(DeskRoutes.class);
  private static final String[] URL_TOKEN_PARAMETERS = {"token", "access_token"};
  private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:;"
      + " style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private final AgentHub hub;
  private final AuthRoutes auth;

  public DeskRoutes(AgentHub hub, AuthRoutes auth) {
    this.hub = hub;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/agent/ws").handler(this::upgrade);
    router.get("/agent").handler(context -> {
      if ("/agent".equals(context.request().path())) {
        context.redirect("/agent/");
      } else {
        context.next();
      }
    });
    router.route("/agent/*").handler(context -> {
      context.response().putHeader("Content-Security-Policy", PAGE_POLICY)
          .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
      context.next();
    }).handler(StaticHandler.create("web/agent").setIndexPage("index.html"));
  }

  private void upgrade(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (tokenInUrl(context)) {
      return;
    }
    Optional<SessionToken> token = AuthRoutes.presentedToken(request);
    if (token.isPresent() && request.getHeader("Authorization") == null && Origins.crossOrigin(request)) {
      refuse(context, 403, "A desktop on origin '" + request.getHeader("Origin") + "' may not use this server's"
          + " session cookie: open the desktop from this server's /agent/ page.");
      return;
    }
    request.pause();
    Future<Principal> principal = token.isEmpty() ? Future.succeededFuture(null)
        : auth.authenticate(token.get()).compose(found -> found.map(Future::succeededFuture).orElseGet(() ->
            Future.failedFuture(new CommandException("unauthenticated", "session expired or signed out"))));
    boolean header = request.getHeader("Authorization") != null;
    principal.onComplete(result -> {
      boolean stale = result.failed() && result.cause() instanceof CommandException;
      if (result.failed() && (header || !stale)) {
        request.resume();
        if (stale) {
          refuse(context, 401, "The session presented is not valid (expired or signed out): sign in again with"
              + " POST /api/v1/sessions.");
        } else {
          refuse(context, 503, "Sessions cannot be checked right now (Redis unreachable): retry in a few seconds.");
        }
        return;
      }
      Principal known = result.succeeded() ? result.result() : null;
      request.toWebSocket().onSuccess(socket -> new AgentConnection(socket, Vertx.currentContext(), hub,
          known, this::authenticate).start())
          .onFailure(failure -> log.debug("agent WebSocket upgrade failed: {}", failure.toString()));
    });
  }

  private static boolean tokenInUrl(RoutingContext context) {
    for (String name : URL_TOKEN_PARAMETERS) {
      if (context.queryParams().contains(name)) {
        refuse(context, 400, "A session token must not be sent in the URL (query parameter '" + name + "'): URLs are"
            + " kept in logs and history. Connect without it and send {\"type\":\"hello\",\"token\":...} as the first"
            + " frame, or let the browser send the sb_session cookie; sign in again, this token may have leaked.");
        return true;
      }
    }
    return false;
  }

  private Future<Principal> authenticate(String token) {
    if (!SessionToken.isWellFormed(token)) {
      return Future.failedFuture(new CommandException("unauthenticated", token == null
          ? "not signed in: send the token from POST /api/v1/sessions in hello, or open the desktop after signing in"
          : "the token in hello is malformed: use the token from POST /api/v1/sessions"));
    }
    return auth.authenticate(new SessionToken(token)).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new CommandException("unauthenticated",
            "session expired or signed out: sign in again"))));
  }

  private static void refuse(RoutingContext context, int status, String detail) {
    context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
        .end(new JsonObject().put("type", "about:blank").put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
            .put("status", status).put("detail", detail).encode());
  }
}
