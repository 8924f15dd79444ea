package dev.switchboard.gateway;

import dev.switchboard.config.ServerSettings;
import dev.switchboard.gateway.agent.DeskRoutes;
import dev.switchboard.gateway.api.AgentRoutes;
import dev.switchboard.gateway.api.CustomerRoutes;
import dev.switchboard.gateway.api.ImportRoutes;
import dev.switchboard.gateway.api.ProblemResponses;
import dev.switchboard.gateway.api.SupervisorRoutes;
import dev.switchboard.gateway.auth.AuthRoutes;
import dev.switchboard.gateway.chat.VisitorChat;
import dev.switchboard.gateway.web.AccessLog;
import dev.switchboard.gateway.web.HealthRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server of one event loop: health, metrics, the REST API and the agent desktop. Deployed once per core;
 * Vert.x spreads connections over the instances, which share the routes' collaborators.
 */
final class HttpGateway extends VerticleBase {

  private final ServerSettings settings;
  private final PrometheusMeterRegistry registry;
  private final HealthRoutes health;
  private final CustomerRoutes customers;
  private final ImportRoutes imports;
  private final AuthRoutes auth;
  private final SupervisorRoutes supervisors;
  private final DeskRoutes desk;
  private final VisitorChat chat;
  private final AgentRoutes agents;
  private HttpServer server;
  

  HttpGateway(ServerSettings settings, PrometheusMeterRegistry registry, HealthRoutes health,
      CustomerRoutes customers, ImportRoutes imports, AuthRoutes auth, SupervisorRoutes supervisors, DeskRoutes desk,
      VisitorChat chat, AgentRoutes agents) {
    this.settings = settings;
    this.registry = registry;
    this.health = health;
    this.customers = customers;
    this.imports = imports;
    this.auth = auth;
    this.supervisors = supervisors;
    this.desk = desk;
    this.chat = chat;
    this.agents = agents;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(16 * 1024)
        .setCompressionSupported(true));
    return server.requestHandler(router()).listen(settings.port(), settings.host());
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture()
        : server.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }

  Router router() {
    Router router = Router.router(vertx);
    router.route().handler(AccessLog::handle);
    health.mount(router);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    desk.mount(router);

    Router api = Router.router(vertx);
    auth.protect(api);
    imports.mount(api);
    api.route().handler(BodyHandler.create(false).setBodyLimit(settings.bodyLimitBytes()));
    auth.mount(api);
    customers.mount(api);
    supervisors.mount(api);
    agents.mount(api);
    api.route().failureHandler(ProblemResponses::handle);
    router.route("/api/v1/*").subRouter(api);
    chat.mount(router);

    router.route().failureHandler(ProblemResponses::handle);
    for (int status : new int[] {404, 405, 413, 415}) {
      router.errorHandler(status, ProblemResponses::handle);
    }
    return router;
  }
}
