package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.queue.QueueId;
import java.time.Instant;
import java.util.Objects;

/** A contact offered to an agent, who must accept before {@code deadline}. */
public record Offer(ContactId contact, AgentId agent, Channel channel, QueueId queue, Instant deadline) {

  public Offer {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(deadline, "deadline");
  }
}
