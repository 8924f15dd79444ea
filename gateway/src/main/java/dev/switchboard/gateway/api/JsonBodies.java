package dev.switchboard.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading JSON request bodies with errors that name what is wrong. */
final class JsonBodies {

  private JsonBodies() {}

  /** The body as an object; malformed JSON fails with a DecodeException (400 via ProblemResponses). */
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

  static String text(JsonObject body, String field, int minLength, int maxLength) {
    Object value = body.getValue(field);
    if (!(value instanceof String text)) {
      throw ApiProblem.badRequest("Field '" + field + "' must be a string"
          + (value == null ? " and is missing." : ", got " + value.getClass().getSimpleName() + "."));
    }
    if (text.length() < minLength || text.length() > maxLength) {
      throw ApiProblem.badRequest("Field '" + field + "' must be " + minLength + " to " + maxLength
          + " characters long, got " + text.length() + ".");
    }
    return text;
  }
}
