package dev.switchboard.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reading JSON request bodies with errors that name what is wrong (and never echo the value). */
public final class JsonBodies {

  private JsonBodies() {}

  /** The body as an object; malformed JSON fails with a DecodeException (400 via ProblemResponses). */
  public static JsonObject object(RoutingContext context) {
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
  public static Optional<String> optionalText(JsonObject body, String field) {
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

  /** A required string field. */
  public static String text(JsonObject body, String field) {
    return optionalText(body, field).orElseThrow(() -> ApiProblem.badRequest("Field '" + field + "' is required."));
  }

  /** A required string field of bounded length. */
  public static String text(JsonObject body, String field, int minLength, int maxLength) {
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
