package dev.switchboard.routing.customer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The header of a customer CSV file, and how its rows map onto the {@link CustomerJson} form. */
final class CsvColumns {

  static final String ATTRIBUTE = "attr.";
  private static final Map<String, String> SINGLE = Map.of("id", "id", "name", "name", "tier", "tier",
      "lifetime_value", "lifetimeValue", "language", "language", "account_owner", "accountOwner",
      "notes", "notes", "crm_id", "crmId");
  private static final Map<String, String> MULTI = Map.of("tags", "tags", "phones", "phones",
      "emails", "emails", "visitor_ids", "visitorIds");
  private static final String KNOWN = "id, name, tier, lifetime_value, tags, language, account_owner, notes, "
      + "phones, emails, visitor_ids, crm_id, attr.<name>";

  private final List<String> names;

  private CsvColumns(List<String> names) {
    this.names = names;
  }

  /** Reads the header row; throws naming the problem when it cannot describe customers. */
  static CsvColumns of(List<String> header) {
    List<String> names = new ArrayList<>(header.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String raw = header.get(i).strip();
      String name = raw.regionMatches(true, 0, ATTRIBUTE, 0, ATTRIBUTE.length())
          ? ATTRIBUTE + raw.substring(ATTRIBUTE.length()) : raw.toLowerCase(Locale.ROOT);
      boolean attribute = name.startsWith(ATTRIBUTE) && name.length() > ATTRIBUTE.length();
      if (!attribute && !SINGLE.containsKey(name) && !MULTI.containsKey(name)) {
        throw new IllegalArgumentException("line 1: header column " + (i + 1) + " '" + raw
            + "' is unknown: use " + KNOWN);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("line 1: header column '" + raw + "' appears twice: keep one");
      }
      names.add(name);
    }
    if (!seen.contains("id")) {
      throw new IllegalArgumentException("line 1: the header has no 'id' column: the first line must name the "
          + "columns, e.g. id,name,phones,emails (found: " + String.join(",", header) + ")");
    }
    return new CsvColumns(List.copyOf(names));
  }

  int size() {
    return names.size();
  }

  /** The row as a customer JSON object; empty cells are left out. */
  JsonObject toJson(List<String> row) {
    if (row.size() != names.size()) {
      throw new IllegalArgumentException("has " + row.size() + " columns but the header has " + names.size()
          + ": quote fields that contain commas");
    }
    JsonObject json = new JsonObject();
    JsonObject attributes = new JsonObject();
    for (int i = 0; i < row.size(); i++) {
      String name = names.get(i);
      String cell = row.get(i);
      if (cell.isBlank()) {
        continue;
      }
      if (name.startsWith(ATTRIBUTE)) {
        attributes.put(name.substring(ATTRIBUTE.length()), cell);
      } else if (MULTI.containsKey(name)) {
        json.put(MULTI.get(name), split(cell));
      } else {
        json.put(SINGLE.get(name), cell);
      }
    }
    if (!attributes.isEmpty()) {
      json.put("attributes", attributes);
    }
    return json;
  }

  private static JsonArray split(String cell) {
    JsonArray values = new JsonArray();
    for (String part : cell.split("\\|")) {
      if (!part.isBlank()) {
        values.add(part.strip());
      }
    }
    return values;
  }
}
