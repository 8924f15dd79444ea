package dev.switchboard.gateway.agent;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.dispatch.RoutingEvent;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The wire form of routing events for desktops (see docs/agent-protocol.md). Pure and thread-safe. */
final class EventFrames {

  private EventFrames() {}

  /** {@code contact}, {@code presence} or {@code session} frame; offers are built by {@link ScreenPop}. */
  static JsonObject frame(RoutingEvent event) {
    if (event instanceof RoutingEvent.ContactChanged changed) {
      return contact(changed);
    }
    if (event instanceof RoutingEvent.AgentChanged agent) {
      return new JsonObject().put("type", "presence").put("seq", agent.seq())
          .put("presence", presence(agent.presence())).put("why", agent.why()).put("at", agent.at().toString());
    }
    return new JsonObject().put("type", "session").put("seq", event.seq())
        .put("why", "an older sign-in of this agent was replaced").put("at", event.at().toString());
  }

  static JsonObject contact(RoutingEvent.ContactChanged changed) {
    return new JsonObject().put("type", "contact").put("seq", changed.seq())
        .put("contact", changed.contact().value())
        .put("from", changed.from().map(ContactState::name).orElse(null))
        .put("state", changed.state().name())
        .put("queue", changed.queue().value())
        .put("channel", wire(changed.channel().name()))
        .put("agent", changed.agent().map(AgentId::value).orElse(null))
        .put("customer", changed.customer().map(CustomerId::value).orElse(null))
        .put("why", changed.why())
        .put("at", changed.at().toString());
  }

  static JsonObject presence(Presence presence) {
    return new JsonObject().put("state", presence.state().name()).put("reason", presence.reason().orElse(null));
  }

  static String wire(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** True for the event that is an offer to {@code agent}: it needs a screen-pop. */
  static boolean isOfferTo(RoutingEvent event, AgentId agent) {
    return event instanceof RoutingEvent.ContactChanged changed && changed.state() == ContactState.OFFERED
        && changed.agent().filter(agent::equals).isPresent();
  }
}
