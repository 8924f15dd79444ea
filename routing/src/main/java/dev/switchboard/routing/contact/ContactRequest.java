package dev.switchboard.routing.contact;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a channel hands to routing for a new contact.
 *
 * @param priorityBoost added to the queue's priority (0 for none; may be negative)
 * @param attributes facts priority rules match on (e.g. {@code tier=gold}); never message bodies
 * @param originalEntry when the contact first entered a queue: a callback or a requeued contact passes
 *     its first entry time to keep its place; empty means now
 * @param preferredAgent the agent who knows this customer (account owner, else last agent), if any
 */
public record ContactRequest(
    ContactId id,
    Channel channel,
    QueueId queue,
    Optional<CustomerId> customer,
    int priorityBoost,
    Map<String, String> attributes,
    Optional<Instant> originalEntry,
    Optional<AgentId> preferredAgent) {

  public ContactRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(originalEntry, "originalEntry");
    Objects.requireNonNull(preferredAgent, "preferredAgent");
    if (priorityBoost < -500 || priorityBoost > 500) {
      throw new IllegalArgumentException("priority boost " + priorityBoost + " of contact " + id
          + " is out of range: use -500..500");
    }
    attributes = Map.copyOf(attributes);
  }

  /** A new contact with a fresh id, no customer, no boost, no attributes, entering now. */
  public static ContactRequest of(Channel channel, QueueId queue) {
    return new ContactRequest(ContactId.random(), channel, queue, Optional.empty(), 0, Map.of(),
        Optional.empty(), Optional.empty());
  }

  public ContactRequest withCustomer(CustomerId value) {
    return new ContactRequest(id, channel, queue, Optional.of(value), priorityBoost, attributes, originalEntry,
        preferredAgent);
  }

  public ContactRequest withPriorityBoost(int value) {
    return new ContactRequest(id, channel, queue, customer, value, attributes, originalEntry, preferredAgent);
  }

  public ContactRequest withAttributes(Map<String, String> value) {
    return new ContactRequest(id, channel, queue, customer, priorityBoost, value, originalEntry, preferredAgent);
  }

  public ContactRequest withOriginalEntry(Instant value) {
    return new ContactRequest(id, channel, queue, customer, priorityBoost, attributes, Optional.of(value),
        preferredAgent);
  }

  public ContactRequest withPreferredAgent(AgentId value) {
    return new ContactRequest(id, channel, queue, customer, priorityBoost, attributes, originalEntry,
        Optional.of(value));
  }
}
