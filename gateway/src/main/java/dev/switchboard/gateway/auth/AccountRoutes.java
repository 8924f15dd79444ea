package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import dev.switchboard.gateway.api.JsonBodies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/accounts}: admins list, create, read, change and delete accounts; an admin sets any
 * password, anyone else only their own and with their current one (checks counted like sign-ins). A
 * new password, disabling or deleting ends the account's other sessions. The last enabled admin
 * cannot be removed, demoted or disabled. Passwords and hashes never appear in a response.
 */
final class AccountRoutes {

  private static final Logger log = LoggerFactory.getLogger(AccountRoutes.class);

  private final RedisAccounts accounts;
  private final RedisSessions sessions;
  private final RedisSignInThrottle throttle;
  private final PasswordHasher hasher;
  private final Clock clock;

  AccountRoutes(RedisAccounts accounts, RedisSessions sessions, RedisSignInThrottle throttle, PasswordHasher hasher,
      Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.throttle = throttle;
    this.hasher = hasher;
    this.clock = clock;
  }

  void mount(Router api) {
    api.get("/accounts").handler(RoleGuard.require(Role.ADMIN)).respond(this::list);
    api.post("/accounts").handler(RoleGuard.require(Role.ADMIN)).respond(this::create);
    api.get("/accounts/:id").handler(RoleGuard.require(Role.ADMIN)).respond(this::get);
    api.put("/accounts/:id").handler(RoleGuard.require(Role.ADMIN)).respond(this::change);
    api.delete("/accounts/:id").handler(RoleGuard.require(Role.ADMIN)).respond(this::delete);
    api.post("/accounts/:id/password").respond(this::setPassword);
  }

  private Future<JsonObject> list(RoutingContext context) {
    return accounts.list().map(all -> {
      JsonArray items = new JsonArray();
      all.forEach(account -> items.add(AccountJson.toJson(account)));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> create(RoutingContext context) {
    JsonObject body = JsonBodies.object(context);
    AccountId id = Bodies.accountId(JsonBodies.text(body, "id"), "Field 'id'");
    String displayName = JsonBodies.optionalText(body, "displayName").orElse(id.value());
    Role role = Bodies.role(body);
    String password = Bodies.newPassword(body, "password");
    boolean disabled = Boolean.TRUE.equals(body.getValue("disabled"));
    Instant now = clock.instant();
    return hasher.hash(password)
        .map(hash -> details(() -> new Account(id, displayName, role, hash, disabled, now, now)))
        .compose(accounts::create)
        .recover(failure -> Future.failedFuture(failure instanceof AccountExistsException
            ? ApiProblem.conflict("Account '" + id + "' already exists; change it with PUT /api/v1/accounts/" + id
                + ".") : failure))
        .map(created -> {
          log.info("[account={}] created by {} as {}", id, Principal.of(context).id(), role.wireName());
          context.response().setStatusCode(201).putHeader("Location", "/api/v1/accounts/" + id);
          return AccountJson.toJson(created);
        });
  }

  private Future<JsonObject> get(RoutingContext context) {
    AccountId id = pathId(context);
    return existing(id).map(AccountJson::toJson);
  }

  private Future<JsonObject> change(RoutingContext context) {
    AccountId id = pathId(context);
    JsonObject body = JsonBodies.object(context);
    if (body.containsKey("password") || body.containsKey("passwordHash")) {
      throw ApiProblem.badRequest("Passwords are not changed with PUT; use POST /api/v1/accounts/" + id
          + "/password.");
    }
    return existing(id).compose(current -> {
      String displayName = JsonBodies.optionalText(body, "displayName").orElse(current.displayName());
      Role role = body.containsKey("role") ? Bodies.role(body) : current.role();
      Object disabledValue = body.getValue("disabled", current.disabled());
      if (!(disabledValue instanceof Boolean disabled)) {
        throw ApiProblem.badRequest("Field 'disabled' must be true or false.");
      }
      Account changed = details(() -> current.withDetails(displayName, role, disabled, clock.instant()));
      Future<Void> allowed = changed.grants(Role.ADMIN) ? Future.succeededFuture() : keepsAnAdmin(current);
      return allowed.compose(ok -> accounts.update(changed)).compose(updated -> {
        sessions.accountChanged(id);
        return endSessionsIf(changed.disabled(), id);
      })
          .map(ended -> {
            log.info("[account={}] changed by {}: role {}, disabled {}", id, Principal.of(context).id(),
                role.wireName(), disabled);
            return AccountJson.toJson(changed);
          });
    });
  }

  private Future<Void> delete(RoutingContext context) {
    AccountId id = pathId(context);
    return existing(id).compose(this::keepsAnAdmin).compose(ok -> accounts.delete(id))
        .compose(deleted -> endSessionsIf(true, id)).map(ended -> {
          log.info("[account={}] deleted by {}", id, Principal.of(context).id());
          context.response().setStatusCode(204);
          return null;
        });
  }

  private Future<Long> endSessionsIf(boolean condition, AccountId id) {
    return condition ? sessions.closeAll(id, Optional.empty()) : Future.succeededFuture(0L);
  }

  private Future<Void> setPassword(RoutingContext context) {
    AccountId id = pathId(context);
    Principal principal = Principal.of(context);
    boolean admin = principal.role().includes(Role.ADMIN);
    if (!admin && !principal.id().equals(id)) {
      throw RoleGuard.forbidden(principal, Role.ADMIN, context);
    }
    JsonObject body = JsonBodies.object(context);
    String password = Bodies.newPassword(body, "password");
    Future<Boolean> authorised = admin ? Future.succeededFuture(true)
        : currentPasswordMatches(context, principal, JsonBodies.text(body, "currentPassword"));
    return authorised.compose(ok -> {
      if (!ok) {
        throw new ApiProblem(403, "Forbidden", "Field 'currentPassword' does not match this account's password.");
      }
      return existing(id).compose(current -> hasher.hash(password)
          .compose(hash -> accounts.update(current.withPasswordHash(hash, clock.instant()))));
    }).compose(updated -> sessions.closeAll(id,
        Optional.of(principal.token()).filter(own -> principal.id().equals(id)))).map(ended -> {
          log.info("[account={}] password set by {}; {} other session(s) ended", id, principal.id(), ended);
          context.response().setStatusCode(204);
          return null;
        });
  }

  /** Checks the caller's current password, counted against the sign-in limits like a sign-in. */
  private Future<Boolean> currentPasswordMatches(RoutingContext context, Principal principal, String current) {
    String address = context.request().remoteAddress().hostAddress();
    return throttle.attempt(Optional.of(principal.id()), address).compose(wait -> {
      if (wait.isPresent()) {
        throw SessionRoutes.tooMany(context, wait.get());
      }
      return hasher.verify(current, principal.account().passwordHash());
    }).compose(matches -> matches
        ? throttle.succeeded(principal.id(), address).map(true) : Future.succeededFuture(false));
  }

  /** Succeeds unless {@code leaving} is the only enabled admin. */
  private Future<Void> keepsAnAdmin(Account leaving) {
    if (!leaving.grants(Role.ADMIN)) {
      return Future.succeededFuture();
    }
    return accounts.list().map(all -> {
      boolean another = all.stream().anyMatch(other -> !other.id().equals(leaving.id()) && other.grants(Role.ADMIN));
      if (!another) {
        throw ApiProblem.conflict("Account '" + leaving.id() + "' is the last enabled admin; create or enable"
            + " another admin before removing, disabling or demoting it.");
      }
      return null;
    });
  }

  private Future<Account> existing(AccountId id) {
    return accounts.get(id).map(found -> found.orElseThrow(() -> ApiProblem.notFound("No account '" + id + "'.")));
  }

  private static Account details(java.util.function.Supplier<Account> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }

  private static AccountId pathId(RoutingContext context) {
    return Bodies.accountId(context.pathParam("id"), "Path");
  }
}
