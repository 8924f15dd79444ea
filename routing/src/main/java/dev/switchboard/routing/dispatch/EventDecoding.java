package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Turns the script's JSON events into {@link RoutingEvent}s. */
final class EventDecoding {

  private EventDecoding() {}

  static RoutingEvent decode(String text) {
    JsonObject json = new JsonObject(text);
    Instant at = Instant.ofEpochMilli(json.getLong("at"));
    Optional<AgentId> recipient = optional(json, "to").map(AgentId::new);
    long seq = json.getLong("seq", 0L);
    return switch (json.getString("type")) {
      case "contact" -> contact(json, at, recipient, seq);
      case "agent" -> new RoutingEvent.AgentChanged(new AgentId(json.getString("agent")), presence(json),
          json.getString("why", ""), at, recipient, seq);
      case "session-replaced" -> new RoutingEvent.SessionReplaced(new AgentId(json.getString("agent")),
          json.getString("session"), json.getString("by"), at, recipient, seq);
      case "fallback" -> new RoutingEvent.FallbackRequested(new ContactId(json.getString("contact")),
          new QueueId(json.getString("queue")), Channel.valueOf(json.getString("channel")),
          json.getString("action"), at);
      default -> throw new IllegalArgumentException("unknown routing event type '" + json.getString("type") + "'");
    };
  }

  private static RoutingEvent contact(JsonObject json, Instant at, Optional<AgentId> recipient, long seq) {
    String from = json.getString("from");
    Map<String, String> attributes = new HashMap<>();
    Object raw = json.getValue("attributes");
    if (raw instanceof JsonObject object) {
      object.forEach(entry -> attributes.put(entry.getKey(), String.valueOf(entry.getValue())));
    }
    return new RoutingEvent.ContactChanged(new ContactId(json.getString("contact")),
        "NEW".equals(from) ? Optional.empty() : Optional.of(ContactState.valueOf(from)),
        ContactState.valueOf(json.getString("state")), new QueueId(json.getString("queue")),
        Channel.valueOf(json.getString("channel")), optional(json, "agent").map(AgentId::new),
        json.getString("why", ""), Optional.ofNullable(json.getLong("deadline")).map(Instant::ofEpochMilli),
        optional(json, "customer").map(CustomerId::new), attributes, at, recipient, seq);
  }

  private static Presence presence(JsonObject json) {
    AgentState state = AgentState.valueOf(json.getString("state"));
    return state == AgentState.NOT_READY ? Presence.notReady(json.getString("reason")) : new Presence(state, Optional.empty());
  }

  private static Optional<String> optional(JsonObject json, String field) {
    String value = json.getString(field);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
