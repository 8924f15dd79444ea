package dev.switchboard.gateway.api;

import dev.switchboard.gateway.auth.Role;
import dev.switchboard.gateway.auth.RoleGuard;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.dispatch.AgentStats;
import dev.switchboard.routing.dispatch.QueueStats;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.dispatch.UnknownAgentException;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code /api/v1/queues} and {@code /api/v1/agents/:id/stats} for supervisors: the queues, their numbers
 * now and today (waiting, longest wait, service level, ASA, AHT), and an agent's state and day.
 * Needs the supervisor role. Stateless; runs on event loops.
 */
public final class SupervisorRoutes {

  private final RoutingRules rules;
  private final RoutingView view;

  public SupervisorRoutes(RoutingRules rules, RoutingView view) {
    this.rules = rules;
    this.view = view;
  }

  /** Mount after the authentication handler. */
  public void mount(Router api) {
    api.get("/queues").handler(RoleGuard.require(Role.SUPERVISOR)).respond(this::queues);
    api.get("/queues/:id/stats").handler(RoleGuard.require(Role.SUPERVISOR)).respond(this::queueStats);
    api.get("/agents/:id/stats").handler(RoleGuard.require(Role.SUPERVISOR)).respond(this::agentStats);
  }

  private Future<JsonObject> queues(RoutingContext context) {
    JsonArray items = new JsonArray();
    for (QueuePolicy queue : rules.queues()) {
      items.add(new JsonObject().put("id", queue.id().value())
          .put("channels", new JsonArray(queue.channels().stream().map(Channel::name)
              .map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList()))
          .put("requiredSkills", new JsonObject(new java.util.TreeMap<>(queue.requiredSkills())))
          .put("serviceLevelSeconds", queue.serviceLevel().toSeconds())
          .put("wrapUpSeconds", queue.wrapUp().toSeconds())
          .put("dispositions", new JsonArray(new TreeSet<>(queue.dispositions()).stream().toList())));
    }
    return Future.succeededFuture(new JsonObject().put("items", items));
  }

  private Future<JsonObject> queueStats(RoutingContext context) {
    String id = context.pathParam("id");
    QueueId queue = rules.find(queueId(id)).map(QueuePolicy::id).orElseThrow(() -> ApiProblem.notFound(
        "No queue '" + id + "': GET /api/v1/queues lists the queues"));
    return view.queueStats(queue).map(SupervisorRoutes::toJson);
  }

  private Future<JsonObject> agentStats(RoutingContext context) {
    String id = context.pathParam("id");
    AgentId agent;
    try {
      agent = new AgentId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
    return view.agentStats(agent).map(SupervisorRoutes::toJson).recover(failure -> Future.failedFuture(
        failure instanceof UnknownAgentException ? ApiProblem.notFound(failure.getMessage()) : failure));
  }

  private static QueueId queueId(String id) {
    try {
      return new QueueId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }

  static JsonObject toJson(QueueStats stats) {
    return new JsonObject().put("queue", stats.queue().value()).put("waiting", stats.waiting())
        .put("longestWaitSeconds", stats.longestWait().toMillis() / 1000.0)
        .put("offered", stats.offered()).put("answered", stats.answered()).put("abandoned", stats.abandoned())
        .put("serviceLevelPercent", stats.serviceLevel())
        .put("averageSpeedOfAnswerSeconds", stats.averageSpeedOfAnswer().toMillis() / 1000.0)
        .put("averageHandleTimeSeconds", stats.averageHandleTime().toMillis() / 1000.0);
  }

  static JsonObject toJson(AgentStats stats) {
    return new JsonObject().put("agent", stats.agent().value())
        .put("state", stats.presence().state().name()).put("reason", stats.presence().reason().orElse(null))
        .put("inStateSeconds", stats.inState().toSeconds()).put("handled", stats.handled())
        .put("occupancyPercent", stats.occupancy());
  }
}
