package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reading the JSON bodies of the auth routes; errors name the field and never echo a password. */
final class Bodies {

  private Bodies() {}

  static JsonObject object(RoutingContext context) {
    if (context.body().length() == 0) {
      throw ApiProblem.badRequest("The request needs a JSON object body.");
    }
    Object parsed = context.body().asJsonObject();
    if (parsed == null) {
      throw ApiProblem.badRequest("The request body must be a JSON object.");
    }
    return (JsonObject) parsed;
  }

  /** A string field; absent gives empty, any other type is a 400. */
  static Optional<String> optionalText(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw ApiProblem.badRequest("Field '" + field + "' must be a string, got " + value.getClass().getSimpleName()
          + ".");
    }
    return Optional.of(text);
  }

  static String text(JsonObject body, String field) {
    return optionalText(body, field).orElseThrow(() -> ApiProblem.badRequest("Field '" + field
        + "' is required."));
  }

  static AccountId accountId(String raw, String where) {
    try {
      return new AccountId(raw);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(where + ": " + e.getMessage());
    }
  }

  static Role role(JsonObject body) {
    try {
      return Role.named(text(body, "role"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("Field 'role': " + e.getMessage());
    }
  }

  /** Checks a new password against the policy; the message never contains the password. */
  static String newPassword(JsonObject body, String field) {
    try {
      return PasswordPolicy.check(text(body, field));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("Field '" + field + "': " + e.getMessage());
    }
  }
}
