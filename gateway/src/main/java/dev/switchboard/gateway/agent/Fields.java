package dev.switchboard.gateway.agent;

import dev.switchboard.routing.contact.ContactId;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Typed reads of a command frame's fields; a missing or malformed field fails naming it. */
final class Fields {

  private final JsonObject frame;

  Fields(JsonObject frame) {
    this.frame = frame;
  }

  JsonObject raw() {
    return frame;
  }

  ContactId contact() {
    String value = text("contact", 64);
    try {
      return new ContactId(value);
    } catch (IllegalArgumentException e) {
      throw CommandException.badRequest("field 'contact': " + e.getMessage());
    }
  }

  String text(String name, int max) {
    return optional(name, max).orElseThrow(() -> CommandException.badRequest("field '" + name + "' is missing in '"
        + frame.getString("type") + "'"));
  }

  Optional<String> optional(String name, int max) {
    Object value = frame.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw CommandException.badRequest("field '" + name + "' must be a string");
    }
    if (text.isBlank()) {
      return Optional.empty();
    }
    if (text.length() > max) {
      throw CommandException.badRequest("field '" + name + "' is " + text.length() + " characters: at most " + max);
    }
    return Optional.of(text);
  }

  long number(String name, long fallback) {
    Object value = frame.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number) || number.longValue() < 0) {
      throw CommandException.badRequest("field '" + name + "' must be a number of 0 or more");
    }
    return number.longValue();
  }
}
