package dev.switchboard.routing.customer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one JSON form of a customer, shared by storage, the JSON-lines import and the REST API.
 *
 * <p>{@link #fromJson} validates every field (errors name the field, e.g. {@code phones[1]: ...})
 * and normalizes identities; {@code updatedAt} is written by the directory and ignored on input.
 * Immutable and thread-safe; never blocks.
 */
public final class CustomerJson {

  public static final int MAX_NAME = 200;
  public static final int MAX_TAGS = 50;
  public static final int MAX_TAG = 40;
  public static final int MAX_NOTES = 4000;
  public static final int MAX_ATTRIBUTES = 50;
  public static final int MAX_IDENTITIES = 10;
  /** The tier of a record that names none. */
  public static final String DEFAULT_TIER = "standard";

  /** Every field of the wire form, in output order. */
  public static final List<String> FIELDS = List.of("id", "name", "tier", "lifetimeValue", "tags", "language",
      "accountOwner", "notes", "attributes", "phones", "emails", "visitorIds", "crmId", "updatedAt");

  private static final Set<String> KNOWN = Set.copyOf(FIELDS);
  private static final Pattern TIER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,10})?");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

  private final IdentityNormalizer normalizer;

  public CustomerJson(IdentityNormalizer normalizer) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
  }

  public IdentityNormalizer normalizer() {
    return normalizer;
  }

  /** The wire form; absent optional fields are {@code null}. */
  public JsonObject toJson(Customer customer) {
    return wire(customer);
  }

  private static JsonObject wire(Customer customer) {
    Identities identities = customer.identities();
    return new JsonObject()
        .put("id", customer.id().value())
        .put("name", customer.name())
        .put("tier", customer.tier())
        .put("lifetimeValue", customer.lifetimeValue().toPlainString())
        .put("tags", new JsonArray(new ArrayList<>(customer.tags())))
        .put("language", customer.language().orElse(null))
        .put("accountOwner", customer.accountOwner().orElse(null))
        .put("notes", customer.notes())
        .put("attributes", new JsonObject(new java.util.LinkedHashMap<>(customer.attributes())))
        .put("phones", new JsonArray(new ArrayList<>(identities.phones())))
        .put("emails", new JsonArray(new ArrayList<>(identities.emails())))
        .put("visitorIds", new JsonArray(new ArrayList<>(identities.visitorIds())))
        .put("crmId", identities.crmId().orElse(null))
        .put("updatedAt", customer.updatedAt().toString());
  }

  /**
   * Reads and validates a customer; identities come out normalized and de-duplicated. The result's
   * {@code updatedAt} is {@link Instant#EPOCH} until the directory stores it.
   *
   * @throws InvalidCustomerException naming the first field that breaks a rule
   */
  public Customer fromJson(JsonObject json) {
    Objects.requireNonNull(json, "json");
    for (String field : json.fieldNames()) {
      if (!KNOWN.contains(field)) {
        throw new InvalidCustomerException(field, "is not a customer field: use " + String.join(", ", FIELDS));
      }
    }
    JsonFields fields = new JsonFields(json);
    return new Customer(id(fields), fields.required("name", 1, MAX_NAME).strip(), tier(fields),
        lifetimeValue(json), tags(fields),
        fields.text("language", 2, 35, false).map(language -> check("language", LANGUAGE, language,
            "is not a language tag: use e.g. ko, en or en-US")),
        fields.text("accountOwner", 1, 64, false),
        fields.text("notes", 0, MAX_NOTES, true).orElse(""),
        fields.map("attributes", MAX_ATTRIBUTES, 64, 1000),
        identities(fields), Instant.EPOCH);
  }

  private static CustomerId id(JsonFields fields) {
    String id = fields.required("id", 1, 64);
    try {
      return new CustomerId(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidCustomerException("id", e.getMessage());
    }
  }

  private static String tier(JsonFields fields) {
    return fields.text("tier", 1, 32, false)
        .map(tier -> check("tier", TIER, tier.strip().toLowerCase(Locale.ROOT),
            "is not a tier label: use 1-32 lower-case letters, digits, '_' or '-', e.g. gold"))
        .orElse(DEFAULT_TIER);
  }

  private static BigDecimal lifetimeValue(JsonObject json) {
    Object raw = json.getValue("lifetimeValue");
    if (raw == null) {
      return BigDecimal.ZERO;
    }
    if (!(raw instanceof String) && !(raw instanceof Number)) {
      throw new InvalidCustomerException("lifetimeValue", "must be a decimal string such as \"1250.50\", not "
          + JsonFields.kind(raw));
    }
    String text = raw.toString().strip();
    if (!DECIMAL.matcher(text).matches()) {
      throw new InvalidCustomerException("lifetimeValue", "'" + text
          + "' is not a decimal: use digits with an optional '.' and up to 10 decimals, e.g. \"1250.50\"");
    }
    return new BigDecimal(text);
  }

  private static List<String> tags(JsonFields fields) {
    List<String> raw = fields.strings("tags", MAX_TAGS);
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      tags.add(JsonFields.checkText("tags[" + i + "]", raw.get(i).strip(), 1, MAX_TAG, false));
    }
    return List.copyOf(tags);
  }

  private Identities identities(JsonFields fields) {
    Optional<String> crm = fields.text("crmId", 0, 1000, false)
        .map(value -> normalized(IdentityType.CRM, "crmId", value));
    return new Identities(normalized(fields, "phones", IdentityType.PHONE),
        normalized(fields, "emails", IdentityType.EMAIL),
        normalized(fields, "visitorIds", IdentityType.VISITOR), crm);
  }

  private List<String> normalized(JsonFields fields, String field, IdentityType type) {
    List<String> raw = fields.strings(field, MAX_IDENTITIES);
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      values.add(normalized(type, field + "[" + i + "]", raw.get(i)));
    }
    return List.copyOf(values);
  }

  private String normalized(IdentityType type, String field, String value) {
    try {
      return normalizer.normalize(type, value).value();
    } catch (InvalidIdentityException e) {
      throw new InvalidCustomerException(field, e.getMessage());
    }
  }

  private static String check(String field, Pattern pattern, String value, String reason) {
    if (!pattern.matcher(value).matches()) {
      throw new InvalidCustomerException(field, "'" + value + "' " + reason);
    }
    return value;
  }

  /** Reads a record this codec wrote to storage, trusting its content (no re-normalization). */
  Customer fromStored(String text) {
    JsonObject json = new JsonObject(text);
    return new Customer(new CustomerId(json.getString("id")), json.getString("name"),
        json.getString("tier", DEFAULT_TIER), new BigDecimal(json.getString("lifetimeValue", "0")),
        strings(json, "tags"), Optional.ofNullable(json.getString("language")),
        Optional.ofNullable(json.getString("accountOwner")), json.getString("notes", ""),
        attributes(json),
        new Identities(strings(json, "phones"), strings(json, "emails"), strings(json, "visitorIds"),
            Optional.ofNullable(json.getString("crmId"))),
        Instant.parse(json.getString("updatedAt")));
  }

  private static List<String> strings(JsonObject json, String field) {
    JsonArray array = json.getJsonArray(field);
    List<String> values = new ArrayList<>(array == null ? 0 : array.size());
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        values.add(array.getString(i));
      }
    }
    return values;
  }

  private static Map<String, String> attributes(JsonObject json) {
    JsonObject object = json.getJsonObject("attributes");
    if (object == null) {
      return Map.of();
    }
    Map<String, String> values = new java.util.HashMap<>();
    object.forEach(entry -> values.put(entry.getKey(), String.valueOf(entry.getValue())));
    return values;
  }

  /** {@code {type, query, normalized, ambiguous, matches: [{matchedOn, value, exact, how, customer}]}}. */
  public JsonObject toJson(Lookup lookup) {
    return wire(lookup);
  }

  static JsonObject wire(Lookup lookup) {
    JsonArray matches = new JsonArray();
    for (Match match : lookup.matches()) {
      matches.add(new JsonObject()
          .put("matchedOn", match.matchedOn().wireName())
          .put("value", match.value())
          .put("exact", match.exact())
          .put("how", how(match, lookup.query()))
          .put("customer", wire(match.customer())));
    }
    return new JsonObject()
        .put("type", lookup.type().wireName())
        .put("query", lookup.query())
        .put("normalized", lookup.normalized())
        .put("ambiguous", lookup.ambiguous())
        .put("matches", matches);
  }

  /**
   * {@link #toJson(Lookup)} encoded, for a lookup that found at most one record, written around
   * that record's stored text: storage keeps the wire form of {@link #toJson(Customer)}, so the
   * record is copied, not decoded and encoded again.
   */
  static Buffer wire(NormalizedIdentity identity, Optional<String> storedRecord) {
    Buffer out = Buffer.buffer(320 + storedRecord.map(String::length).orElse(0));
    String type = quoted(identity.type().wireName());
    String value = quoted(identity.value());
    out.appendString("{\"type\":").appendString(type)
        .appendString(",\"query\":").appendString(quoted(identity.input()))
        .appendString(",\"normalized\":").appendString(value)
        .appendString(",\"ambiguous\":false,\"matches\":[");
    storedRecord.ifPresent(record -> out
        .appendString("{\"matchedOn\":").appendString(type)
        .appendString(",\"value\":").appendString(value)
        .appendString(",\"exact\":").appendString(Boolean.toString(identity.exact()))
        .appendString(",\"how\":").appendString(
            quoted(how(identity.type(), identity.value(), identity.exact(), identity.input())))
        .appendString(",\"customer\":").appendString(record).appendString("}"));
    return out.appendString("]}");
  }

  private static String quoted(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }

  /** One sentence for the agent, e.g. {@code phone +821012345678 (normalized from 010-1234-5678)}. */
  public static String how(Match match, String query) {
    return how(match.matchedOn(), match.value(), match.exact(), query);
  }

  private static String how(IdentityType matchedOn, String value, boolean exact, String query) {
    String label = switch (matchedOn) {
      case PHONE -> "phone";
      case EMAIL -> "email";
      case VISITOR -> "chat visitor id";
      case CRM -> "CRM id";
    };
    return label + " " + value + (exact ? " (exact match)" : " (normalized from " + query + ")");
  }

  public JsonObject toJson(TimelineEntry entry) {
    return TimelineJson.toJson(entry);
  }

  public JsonObject toJson(TimelinePage page) {
    return TimelineJson.toJson(page);
  }

  /** Reads and validates a timeline entry: {@code {at, kind, channel, summary, details}}. */
  public TimelineEntry timelineEntryFromJson(JsonObject json) {
    return TimelineJson.fromJson(json);
  }
}
