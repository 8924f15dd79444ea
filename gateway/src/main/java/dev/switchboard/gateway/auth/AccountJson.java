package dev.switchboard.gateway.auth;

import io.vertx.core.json.JsonObject;

/** Accounts as JSON for the API. The password hash is never part of it. */
final class AccountJson {

  private AccountJson() {}

  static JsonObject toJson(Account account) {
    return new JsonObject()
        .put("id", account.id().value())
        .put("displayName", account.displayName())
        .put("role", account.role().wireName())
        .put("disabled", account.disabled())
        .put("created", account.created().toString())
        .put("updated", account.updated().toString());
  }
}
