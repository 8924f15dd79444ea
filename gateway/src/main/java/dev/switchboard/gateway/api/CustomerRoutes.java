package dev.switchboard.gateway.api;

import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.customer.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/customers}: create, replace, read and delete records; look them up by identity
 * (with how each matched); search by name prefix; read and append to the timeline.
 */
public final class CustomerRoutes {

  private static final int MAX_PAGE = 100;

  private final CustomerDirectory directory;
  private final CustomerJson json;
  private final Clock clock;

  public CustomerRoutes(CustomerDirectory directory, CustomerJson json, Clock clock) {
    this.directory = directory;
    this.json = json;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.get("/customers/lookup").respond(this::lookup);
    api.get("/customers").respond(this::search);
    api.post("/customers").respond(this::create);
    api.get("/customers/:id").respond(this::get);
    api.put("/customers/:id").respond(this::replace);
    api.delete("/customers/:id").respond(this::delete);
    api.get("/customers/:id/timeline").respond(this::timeline);
    api.post("/customers/:id/timeline").respond(this::appendNote);
  }

  private Future<Buffer> lookup(RoutingContext context) {
    List<Map.Entry<IdentityType, String>> given = new java.util.ArrayList<>();
    for (IdentityType type : IdentityType.values()) {
      String value = context.queryParams().get(type.wireName());
      if (value != null) {
        given.add(Map.entry(type, value));
      }
    }
    if (given.size() != 1) {
      throw ApiProblem.badRequest("Give exactly one identity to look up, as one of the query parameters "
          + "phone, email, visitor or crm (e.g. /api/v1/customers/lookup?phone=010-1234-5678).");
    }
    Map.Entry<IdentityType, String> identity = given.get(0);
    return directory.lookupJson(identity.getKey(), identity.getValue()).map(body -> {
      context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
      return body;
    });
  }

  private Future<JsonObject> search(RoutingContext context) {
    String prefix = context.queryParams().get("name");
    if (prefix == null || prefix.isBlank()) {
      throw ApiProblem.badRequest("Give a name prefix to search, e.g. /api/v1/customers?name=kim"
          + " (use /api/v1/customers/lookup to find by phone, email, visitor or crm).");
    }
    int limit = intParam(context, "limit", 20, 1, MAX_PAGE);
    return directory.searchByName(prefix, limit).map(found -> {
      JsonArray items = new JsonArray();
      found.forEach(customer -> items.add(json.toJson(customer)));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> create(RoutingContext context) {
    Customer customer = json.fromJson(JsonBodies.object(context));
    return directory.get(customer.id()).compose(existing -> {
      if (existing.isPresent()) {
        throw ApiProblem.conflict("Customer '" + customer.id() + "' already exists; use PUT /api/v1/customers/"
            + customer.id() + " to replace it.");
      }
      return directory.save(customer);
    }).map(saved -> {
      context.response().setStatusCode(201).putHeader("Location", "/api/v1/customers/" + saved.id());
      return json.toJson(saved);
    });
  }

  private Future<JsonObject> get(RoutingContext context) {
    CustomerId id = pathId(context);
    return directory.get(id).map(found -> json.toJson(found.orElseThrow(() -> unknown(id))));
  }

  private Future<JsonObject> replace(RoutingContext context) {
    CustomerId id = pathId(context);
    JsonObject body = JsonBodies.object(context);
    Object bodyId = body.getValue("id");
    if (bodyId != null && !id.value().equals(bodyId)) {
      throw ApiProblem.badRequest("The body's id '" + bodyId + "' differs from the path's id '" + id
          + "'; leave id out of the body or make them equal.");
    }
    body.put("id", id.value());
    return directory.save(json.fromJson(body)).map(json::toJson);
  }

  private Future<JsonObject> delete(RoutingContext context) {
    CustomerId id = pathId(context);
    return directory.delete(id).map(deleted -> {
      if (!deleted) {
        throw unknown(id);
      }
      context.response().setStatusCode(204);
      return null;
    });
  }

  private Future<JsonObject> timeline(RoutingContext context) {
    CustomerId id = pathId(context);
    int limit = intParam(context, "limit", 20, 1, MAX_PAGE);
    Optional<String> cursor = Optional.ofNullable(context.queryParams().get("cursor"));
    return directory.get(id)
        .compose(found -> found.isPresent() ? directory.timeline(id, cursor, limit) : Future.failedFuture(unknown(id)))
        .map(json::toJson);
  }

  private Future<JsonObject> appendNote(RoutingContext context) {
    CustomerId id = pathId(context);
    JsonObject body = JsonBodies.object(context);
    String summary = JsonBodies.text(body, "summary", 1, 500);
    TimelineEntry entry = new TimelineEntry(clock.instant(), "note", "none", summary, notesDetails(body));
    return directory.get(id)
        .compose(found -> found.isPresent() ? directory.appendTimeline(id, entry) : Future.failedFuture(unknown(id)))
        .map(done -> {
          context.response().setStatusCode(201);
          return json.toJson(entry);
        });
  }

  private static Map<String, String> notesDetails(JsonObject body) {
    Map<String, String> details = new HashMap<>();
    Object text = body.getValue("text");
    if (text != null) {
      details.put("text", JsonBodies.text(body, "text", 0, 4000));
    }
    return details;
  }

  private static CustomerId pathId(RoutingContext context) {
    try {
      return new CustomerId(context.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }

  private static ApiProblem unknown(CustomerId id) {
    return ApiProblem.notFound("No customer with id '" + id + "'.");
  }

  static int intParam(RoutingContext context, String name, int fallback, int min, int max) {
    String raw = context.queryParams().get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ApiProblem.badRequest("Query parameter " + name + "='" + raw + "' must be a whole number from "
        + min + " to " + max + ".");
  }
}
