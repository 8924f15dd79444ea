package dev.switchboard.gateway.api;

import dev.switchboard.gateway.auth.AccountExistsException;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.AccountProvisioning;
import dev.switchboard.gateway.auth.Principal;
import dev.switchboard.gateway.auth.Role;
import dev.switchboard.gateway.auth.RoleGuard;
import dev.switchboard.routing.agent.AgentDirectory;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.dispatch.AgentSnapshot;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/agents}: the agent profiles routing reads at each login. Supervisors list and read them; admins
 * create, replace (applied at once to an agent logged in) and delete them. Agents the configuration file defines are read-only here (the file rewrites
 * them at every start). Creating an agent with a {@code password} also creates its sign-in account; the password
 * is never echoed or logged. Stateless; runs on event loops.
 */
public final class AgentRoutes {

  private static final Logger log = LoggerFactory.getLogger(AgentRoutes.class);

  private final AgentDirectory directory;
  private final AgentBody bodies;
  private final Set<AgentId> configured;
  private final RoutingView view;
  private final dev.switchboard.routing.dispatch.Router router;
  private final AccountProvisioning accounts;

  /**
   * @param configured the ids the configuration file defines, which the API will not change
   */
  public AgentRoutes(AgentDirectory directory, RoutingRules rules, Set<AgentId> configured, RoutingView view,
      dev.switchboard.routing.dispatch.Router router, AccountProvisioning accounts) {
    this.directory = directory;
    this.bodies = new AgentBody(rules);
    this.configured = Set.copyOf(configured);
    this.view = view;
    this.router = router;
    this.accounts = accounts;
  }

  /** Mount after the authentication and body handlers. */
  public void mount(Router api) {
    api.get("/agents").handler(RoleGuard.require(Role.SUPERVISOR)).respond(this::list);
    api.post("/agents").handler(RoleGuard.require(Role.ADMIN)).respond(this::create);
    api.get("/agents/:id").handler(RoleGuard.require(Role.SUPERVISOR)).respond(this::get);
    api.put("/agents/:id").handler(RoleGuard.require(Role.ADMIN)).respond(this::replace);
    api.delete("/agents/:id").handler(RoleGuard.require(Role.ADMIN)).respond(this::delete);
  }

  private Future<JsonObject> list(RoutingContext context) {
    return directory.list().map(all -> {
      JsonArray items = new JsonArray();
      all.forEach(profile -> items.add(toJson(profile)));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> get(RoutingContext context) {
    AgentId id = pathId(context);
    return existing(id).map(this::toJson);
  }

  private Future<JsonObject> create(RoutingContext context) {
    JsonObject body = JsonBodies.object(context);
    AgentId id = AgentBody.id(JsonBodies.text(body, "id"), "Field 'id'");
    AgentProfile profile = bodies.profile(id, body);
    Optional<String> password = password(body);
    AccountId account = new AccountId(id.value());
    return refuseTaken(id, password.isPresent() ? Optional.of(account) : Optional.empty())
        .compose(free -> directory.create(profile))
        .compose(created -> created ? withAccount(profile, password) : Future.<Boolean>failedFuture(taken(id)))
        .map(accountCreated -> {
          log.info("[agent={}] created by {}{}", id, Principal.of(context).id(),
              accountCreated ? " with its sign-in account" : "");
          context.response().setStatusCode(201).putHeader("Location", "/api/v1/agents/" + id);
          return toJson(profile).put("accountCreated", accountCreated);
        });
  }

  /** Creates the agent's account when a password is given; if that fails, the profile just created goes again. */
  private Future<Boolean> withAccount(AgentProfile profile, Optional<String> password) {
    if (password.isEmpty()) {
      return Future.succeededFuture(false);
    }
    AccountId account = new AccountId(profile.id().value());
    return accounts.createAgent(account, profile.displayName(), password.get()).map(true)
        .recover(failure -> directory.delete(profile.id()).transform(undone -> Future.failedFuture(
            failure instanceof AccountExistsException ? accountTaken(account) : failure)));
  }

  private Future<JsonObject> replace(RoutingContext context) {
    AgentId id = pathId(context);
    refuseConfigured(id, "changed");
    JsonObject body = JsonBodies.object(context);
    if (body.containsKey("password")) {
      throw ApiProblem.badRequest("Passwords are not changed with PUT; use POST /api/v1/accounts/" + id
          + "/password.");
    }
    Object bodyId = body.getValue("id");
    if (bodyId != null && !id.value().equals(bodyId)) {
      throw ApiProblem.badRequest("The body's id '" + bodyId + "' differs from the path's id '" + id
          + "'; leave id out of the body or make them equal. An agent cannot be renamed: create the new id"
          + " and delete the old one.");
    }
    body.remove("id");
    AgentProfile profile = bodies.profile(id, body);
    return existing(id).compose(current -> directory.save(profile)).compose(router::refresh).map(applied -> {
      log.info("[agent={}] profile replaced by {}; {}", id, Principal.of(context).id(),
          applied ? "applied to the logged-in agent" : "used from the next login");
      return toJson(profile).put("takesEffect", applied ? "now" : "next-login");
    });
  }

  private Future<JsonObject> delete(RoutingContext context) {
    AgentId id = pathId(context);
    refuseConfigured(id, "deleted");
    return existing(id).compose(profile -> view.agent(id)).compose(snapshot -> {
      snapshot.ifPresent(AgentRoutes::refuseBusy);
      return directory.delete(id);
    }).map(deleted -> {
      if (!deleted) {
        throw unknown(id);
      }
      log.info("[agent={}] deleted by {}", id, Principal.of(context).id());
      context.response().setStatusCode(204);
      return null;
    });
  }

  /** A logged-in agent or one still holding contacts would lose them mid-work: the admin must wait. */
  private static void refuseBusy(AgentSnapshot agent) {
    if (agent.presence().state() != AgentState.OFFLINE) {
      throw ApiProblem.conflict("Agent '" + agent.id() + "' is logged in (" + agent.presence().state()
          + agent.presence().reason().map(reason -> ", " + reason).orElse("") + "); ask them to log out of the"
          + " desktop, then delete the agent.");
    }
    if (!agent.contacts().isEmpty()) {
      throw ApiProblem.conflict("Agent '" + agent.id() + "' still holds " + agent.contacts().size()
          + " contact(s) " + new java.util.TreeSet<>(agent.contacts().stream().map(Object::toString).toList())
          + "; wait until they are ended, then delete the agent.");
    }
  }

  private Future<Void> refuseTaken(AgentId id, Optional<AccountId> account) {
    Future<Optional<AgentProfile>> agent = directory.get(id);
    Future<Boolean> accountTaken = account.map(accountId -> accounts.accounts().get(accountId).map(Optional::isPresent))
        .orElse(Future.succeededFuture(false));
    return Future.all(agent, accountTaken).map(both -> {
      if (agent.result().isPresent()) {
        throw taken(id);
      }
      if (accountTaken.result()) {
        throw accountTaken(account.get());
      }
      return null;
    });
  }

  private void refuseConfigured(AgentId id, String what) {
    if (configured.contains(id)) {
      throw ApiProblem.conflict("Agent '" + id + "' is defined in the configuration file (agents:), which"
          + " rewrites it at every start, so it cannot be " + what + " here; edit the file and restart.");
    }
  }

  private ApiProblem taken(AgentId id) {
    return ApiProblem.conflict("Agent '" + id + "' already exists; change it with PUT /api/v1/agents/" + id + ".");
  }

  private static ApiProblem accountTaken(AccountId account) {
    return ApiProblem.conflict("Account '" + account + "' already exists, so no agent was created; leave"
        + " 'password' out to let that account sign in as this agent, or set its password with POST"
        + " /api/v1/accounts/" + account + "/password.");
  }

  private static Optional<String> password(JsonObject body) {
    Optional<String> password = JsonBodies.optionalText(body, "password");
    password.ifPresent(text -> {
      try {
        dev.switchboard.gateway.auth.PasswordPolicy.check(text);
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("Field 'password': " + e.getMessage());
      }
    });
    return password;
  }

  private Future<AgentProfile> existing(AgentId id) {
    return directory.get(id).map(found -> found.orElseThrow(() -> unknown(id)));
  }

  private JsonObject toJson(AgentProfile profile) {
    return AgentBody.toJson(profile, configured.contains(profile.id()));
  }

  private static ApiProblem unknown(AgentId id) {
    return ApiProblem.notFound("No agent '" + id + "': GET /api/v1/agents lists the agents.");
  }

  private static AgentId pathId(RoutingContext context) {
    String raw = context.pathParam("id");
    if (!AgentId.isValid(raw)) {
      throw ApiProblem.badRequest("Path: agent id '" + raw + "' is invalid: use 1 to 64 letters, digits, '.', '_',"
          + " '@' or '-'.");
    }
    return new AgentId(raw);
  }
}
