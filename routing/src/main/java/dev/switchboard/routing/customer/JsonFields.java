package dev.switchboard.routing.customer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, validating reads of one JSON object's fields, with errors that name the field. */
final class JsonFields {

  private final JsonObject json;

  JsonFields(JsonObject json) {
    this.json = json;
  }

  /** A string of {@code min..max} characters without control characters (except in notes). */
  Optional<String> text(String field, int min, int max, boolean multiline) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return Optional.empty();
    }
    if (!(raw instanceof String value)) {
      throw new InvalidCustomerException(field, "must be a string, not " + kind(raw));
    }
    return Optional.of(checkText(field, value, min, max, multiline));
  }

  String required(String field, int min, int max) {
    return text(field, min, max, false)
        .orElseThrow(() -> new InvalidCustomerException(field, "is missing: it is required"));
  }

  List<String> strings(String field, int maxItems) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      throw new InvalidCustomerException(field, "must be an array of strings, not " + kind(raw));
    }
    if (array.size() > maxItems) {
      throw new InvalidCustomerException(field, "has " + array.size() + " items: the limit is " + maxItems);
    }
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (!(item instanceof String value)) {
        throw new InvalidCustomerException(field + "[" + i + "]", "must be a string, not " + kind(item));
      }
      values.add(value);
    }
    return values;
  }

  Map<String, String> map(String field, int maxEntries, int maxKey, int maxValue) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof JsonObject object)) {
      throw new InvalidCustomerException(field, "must be an object of string values, not " + kind(raw));
    }
    if (object.size() > maxEntries) {
      throw new InvalidCustomerException(field, "has " + object.size() + " entries: the limit is " + maxEntries);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object) {
      String name = field + "." + entry.getKey();
      checkText(name, entry.getKey(), 1, maxKey, false);
      if (!(entry.getValue() instanceof String value)) {
        throw new InvalidCustomerException(name, "must be a string, not " + kind(entry.getValue()));
      }
      values.put(entry.getKey(), checkText(name, value, 0, maxValue, true));
    }
    return values;
  }

  static String checkText(String field, String value, int min, int max, boolean multiline) {
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      throw new InvalidCustomerException(field, "has " + length + " characters: use "
          + (min == 0 ? "at most " + max : min + "-" + max));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
      if (Character.isISOControl(c) && !allowed) {
        throw new InvalidCustomerException(field,
            "contains a control character at position " + (i + 1) + ": use printable characters only");
      }
    }
    return value;
  }

  static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof JsonObject) {
      return "an object";
    }
    if (value instanceof JsonArray) {
      return "an array";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a string";
  }
}
