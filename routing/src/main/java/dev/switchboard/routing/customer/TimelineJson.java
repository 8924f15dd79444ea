package dev.switchboard.routing.customer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Set;

/** The JSON form of timeline entries and pages; errors name the field. */
final class TimelineJson {

  private static final Set<String> KNOWN = Set.of("at", "kind", "channel", "summary", "details");

  private TimelineJson() {}

  static JsonObject toJson(TimelineEntry entry) {
    return new JsonObject()
        .put("at", entry.at().toString())
        .put("kind", entry.kind())
        .put("channel", entry.channel())
        .put("summary", entry.summary())
        .put("details", new JsonObject(new LinkedHashMap<>(entry.details())));
  }

  static JsonObject toJson(TimelinePage page) {
    JsonArray entries = new JsonArray();
    page.entries().forEach(entry -> entries.add(toJson(entry)));
    return new JsonObject().put("entries", entries).put("next", page.next().orElse(null));
  }

  static TimelineEntry fromJson(JsonObject json) {
    for (String field : json.fieldNames()) {
      if (!KNOWN.contains(field)) {
        throw new InvalidCustomerException(field, "is not a timeline field: use at, kind, channel, summary, details");
      }
    }
    JsonFields fields = new JsonFields(json);
    String at = fields.required("at", 1, 40);
    Instant when;
    try {
      when = Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new InvalidCustomerException("at", "'" + at + "' is not an ISO-8601 instant such as 2026-11-23T10:15:30Z");
    }
    return new TimelineEntry(when, fields.required("kind", 1, 32), fields.required("channel", 1, 32),
        fields.text("summary", 0, 500, false).orElse(""), fields.map("details", 50, 64, 2000));
  }

  /** Reads an entry written by {@link #toJson(TimelineEntry)}, trusting its content. */
  static TimelineEntry fromStored(String text) {
    JsonObject json = new JsonObject(text);
    java.util.Map<String, String> details = new java.util.HashMap<>();
    JsonObject stored = json.getJsonObject("details");
    if (stored != null) {
      stored.forEach(entry -> details.put(entry.getKey(), String.valueOf(entry.getValue())));
    }
    return new TimelineEntry(Instant.parse(json.getString("at")), json.getString("kind", ""),
        json.getString("channel", ""), json.getString("summary", ""), details);
  }
}
