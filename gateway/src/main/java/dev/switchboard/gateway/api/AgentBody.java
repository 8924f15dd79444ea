package dev.switchboard.gateway.api;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.dispatch.RoutingRules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Agent profiles as the admin API reads and writes them. Every field is checked against the center's rules (the
 * skill catalogue, the channels, the ranges) and a refusal names the field, the value and what would be accepted.
 * Passwords are checked elsewhere and never appear in a message.
 */
final class AgentBody {

  static final List<String> FIELDS = List.of("id", "displayName", "skills", "capacity", "channels", "phoneDevice",
      "maxPerChannel", "password");

  private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,64}");
  private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9]+/\\S{1,80}");
  private static final int MAX_PER_CHANNEL = 1000;

  private final RoutingRules rules;

  AgentBody(RoutingRules rules) {
    this.rules = rules;
  }

  /** The id an agent is created with: also the id of the account it signs in with, so lower-case only. */
  static AgentId id(String raw, String where) {
    if (raw == null || !ID.matcher(raw).matches()) {
      throw ApiProblem.badRequest(where + ": agent id '" + shorten(raw) + "' is invalid: use 1 to 64 lower-case"
          + " letters, digits, '.', '_' or '-' (the id is also the agent's sign-in account)");
    }
    return new AgentId(raw);
  }

  /** Reads a whole profile for {@code id}; fields left out take their defaults. */
  AgentProfile profile(AgentId id, JsonObject body) {
    unknownFields(body);
    String displayName = displayName(body, id);
    Map<String, Integer> skills = skills(body);
    int capacity = body.getValue("capacity") == null ? AgentProfile.DEFAULT_CAPACITY
        : whole(body.getValue("capacity"), "capacity", 1, 10_000,
            " units (a voice call costs " + rules.costs().cost(Channel.VOICE) + ")");
    Set<Channel> channels = channels(body);
    Optional<String> device = device(body);
    Map<Channel, Integer> perChannel = maxPerChannel(body, channels);
    try {
      return new AgentProfile(id, displayName, skills, capacity, channels, device, perChannel);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }

  static JsonObject toJson(AgentProfile profile, boolean configured) {
    JsonObject perChannel = new JsonObject();
    profile.maxPerChannel().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> perChannel.put(wire(entry.getKey()), entry.getValue()));
    return new JsonObject()
        .put("id", profile.id().value())
        .put("displayName", profile.displayName())
        .put("skills", new JsonObject(new LinkedHashMap<>(new java.util.TreeMap<>(profile.skills()))))
        .put("capacity", profile.capacity())
        .put("channels", new JsonArray(profile.channels().stream().sorted().map(AgentBody::wire).toList()))
        .put("phoneDevice", profile.phoneDevice().orElse(null))
        .put("maxPerChannel", perChannel)
        .put("source", configured ? "config" : "api");
  }

  private static void unknownFields(JsonObject body) {
    Set<String> unknown = new TreeSet<>(body.fieldNames());
    unknown.removeAll(FIELDS);
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest("Unknown field(s) " + unknown + ": an agent has " + FIELDS + ".");
    }
  }

  private static String displayName(JsonObject body, AgentId id) {
    Object value = body.getValue("displayName");
    if (value == null) {
      return id.value();
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > 100
        || text.chars().anyMatch(Character::isISOControl)) {
      throw ApiProblem.badRequest("Field 'displayName' must be a text of 1 to 100 characters without control"
          + " characters.");
    }
    return text.strip();
  }

  private Map<String, Integer> skills(JsonObject body) {
    JsonObject skills = object(body, "skills", "{\"billing\": 7}");
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (String skill : new TreeSet<>(skills.fieldNames())) {
      if (!rules.skills().contains(skill)) {
        throw ApiProblem.badRequest("Field 'skills': unknown skill '" + shorten(skill) + "': the skill catalogue has "
            + new TreeSet<>(rules.skills()) + " (routing.skills in the configuration file).");
      }
      levels.put(skill, whole(skills.getValue(skill), "skills." + skill, 1, 10, ""));
    }
    return levels;
  }

  private static Set<Channel> channels(JsonObject body) {
    Object value = body.getValue("channels");
    if (value == null) {
      return EnumSet.allOf(Channel.class);
    }
    if (!(value instanceof JsonArray names) || names.isEmpty()) {
      throw ApiProblem.badRequest("Field 'channels' must list at least one of " + channelNames()
          + ", e.g. [\"voice\", \"chat\"]; leave it out for all.");
    }
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    names.forEach(name -> channels.add(channel(name, "channels")));
    return channels;
  }

  private static Optional<String> device(JsonObject body) {
    Object value = body.getValue("phoneDevice");
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String device) || !DEVICE.matcher(device).matches()) {
      throw ApiProblem.badRequest("Field 'phoneDevice': '" + shorten(String.valueOf(value)) + "' is not a device as"
          + " the PBX dials it: use e.g. PJSIP/1001 or SIP/alice, or leave it out.");
    }
    return Optional.of(device);
  }

  private static Map<Channel, Integer> maxPerChannel(JsonObject body, Set<Channel> channels) {
    JsonObject caps = object(body, "maxPerChannel", "{\"chat\": 3}");
    Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
    for (String name : new TreeSet<>(caps.fieldNames())) {
      Channel channel = channel(name, "maxPerChannel");
      if (!channels.contains(channel)) {
        throw ApiProblem.badRequest("Field 'maxPerChannel': the agent does not take " + wire(channel)
            + " contacts; remove this cap or add " + wire(channel) + " to 'channels'.");
      }
      perChannel.put(channel, whole(caps.getValue(name), "maxPerChannel." + name, 1, MAX_PER_CHANNEL,
          " contacts at once"));
    }
    return perChannel;
  }

  private static JsonObject object(JsonObject body, String field, String example) {
    Object value = body.getValue(field);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiProblem.badRequest("Field '" + field + "' must be an object, e.g. " + example + ".");
    }
    return object;
  }

  /** A whole number in range, or a refusal naming {@code label} (e.g. {@code 'skills.billing'}). */
  private static int whole(Object value, String label, int min, int max, String unit) {
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw ApiProblem.badRequest("Field '" + label + "' must be a whole number from " + min + " to " + max + unit
          + ", got " + shorten(String.valueOf(value)) + ".");
    }
    if (number.doubleValue() < min || number.doubleValue() > max) {
      throw ApiProblem.badRequest("Field '" + label + "': " + number + " is out of range: use " + min + " to " + max
          + unit + ".");
    }
    return number.intValue();
  }

  private static Channel channel(Object name, String field) {
    if (name instanceof String text) {
      for (Channel channel : Channel.values()) {
        if (wire(channel).equals(text)) {
          return channel;
        }
      }
    }
    throw ApiProblem.badRequest("Field '" + field + "': unknown channel '" + shorten(String.valueOf(name))
        + "': use " + channelNames() + ".");
  }

  private static String channelNames() {
    return Arrays.stream(Channel.values()).map(AgentBody::wire).collect(Collectors.joining(", "));
  }

  static String wire(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  private static String shorten(String value) {
    return value == null ? "null" : value.length() > 80 ? value.substring(0, 80) + "..." : value;
  }
}
