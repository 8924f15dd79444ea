package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import java.time.Instant;
import java.util.Optional;

/** A contact as routing holds it now; {@code level} counts the escalation steps applied. */
public record ContactSnapshot(ContactId id, ContactState state, Channel channel, QueueId queue,
    Optional<AgentId> agent, Optional<CustomerId> customer, int priority, Instant entered, int level) {}
