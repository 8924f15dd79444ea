package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Something routing decided, published to every node of the center. An event addressed to an agent
 * ({@link #recipient()}) carries that agent's sequence number, which increases by one per event, so
 * a reconnecting client can ask for what it missed ({@link RoutingView#eventsAfter}).
 */
public sealed interface RoutingEvent {

  Instant at();

  /** The agent whose connection should receive the event, if any. */
  Optional<AgentId> recipient();

  /** The recipient's sequence number; 0 for events addressed to no agent. */
  long seq();

  /**
   * A contact changed state. An {@code OFFERED} event is the offer itself, with its deadline and the
   * customer for the screen-pop; {@code why} says what caused the change (offer, accept, reject,
   * no-answer, transfer, abandoned, handled, ...).
   */
  record ContactChanged(ContactId contact, Optional<ContactState> from, ContactState state, QueueId queue,
      Channel channel, Optional<AgentId> agent, String why, Optional<Instant> deadline,
      Optional<CustomerId> customer, Map<String, String> attributes, Instant at, Optional<AgentId> recipient,
      long seq) implements RoutingEvent {
    public ContactChanged {
      attributes = Map.copyOf(attributes);
    }
  }

  /** An agent's presence changed; {@code why} is {@code presence}, {@code login} or {@code no-answer}. */
  record AgentChanged(AgentId agent, Presence presence, String why, Instant at, Optional<AgentId> recipient, long seq)
      implements RoutingEvent {}

  /** A newer login replaced {@code session}; the connection holding it should close, saying why. */
  record SessionReplaced(AgentId agent, String session, String by, Instant at, Optional<AgentId> recipient, long seq)
      implements RoutingEvent {}

  /** A waiting contact reached a fallback step (or its maximum wait); its channel should act on it. */
  record FallbackRequested(ContactId contact, QueueId queue, Channel channel, String action, Instant at)
      implements RoutingEvent {
    @Override
    public Optional<AgentId> recipient() {
      return Optional.empty();
    }

    @Override
    public long seq() {
      return 0;
    }
  }
}
