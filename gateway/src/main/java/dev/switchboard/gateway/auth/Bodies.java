package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.api.ApiProblem;
import dev.switchboard.gateway.api.JsonBodies;
import io.vertx.core.json.JsonObject;

/** The auth routes' own fields (account ids, roles, new passwords) on top of {@link JsonBodies}. */
final class Bodies {

  private Bodies() {}

  static AccountId accountId(String raw, String where) {
    try {
      return new AccountId(raw);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(where + ": " + e.getMessage());
    }
  }

  static Role role(JsonObject body) {
    try {
      return Role.named(JsonBodies.text(body, "role"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("Field 'role': " + e.getMessage());
    }
  }

  /** Checks a new password against the policy; the message never contains the password. */
  static String newPassword(JsonObject body, String field) {
    try {
      return PasswordPolicy.check(JsonBodies.text(body, field));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("Field '" + field + "': " + e.getMessage());
    }
  }
}
