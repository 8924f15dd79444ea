package dev.switchboard.routing.contact;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact that reached {@link ContactState#ENDED}, with what happened to it.
 *
 * @param entered the original entry time
 * @param waited from the original entry to the answer (or to the abandon)
 * @param rang total time offers rang before the answer, over every offer
 * @param handled from the answer to the completion (talk / handle time)
 * @param wrappedUp time spent in wrap-up
 * @param agent the last agent who held it, if any
 */
public record EndedContact(
    ContactId id,
    Channel channel,
    QueueId queue,
    Optional<CustomerId> customer,
    Outcome outcome,
    Instant entered,
    Instant ended,
    Duration waited,
    Duration rang,
    Duration handled,
    Duration wrappedUp,
    Optional<AgentId> agent,
    Optional<String> disposition,
    String notes,
    Map<String, String> attributes) {

  public EndedContact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(entered, "entered");
    Objects.requireNonNull(ended, "ended");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(notes, "notes");
    attributes = Map.copyOf(attributes);
  }
}
