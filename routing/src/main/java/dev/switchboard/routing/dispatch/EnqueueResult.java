package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.queue.QueueId;
import java.util.Objects;
import java.util.Optional;

/** What became of a contact handed to {@link Router#enqueue}. */
public sealed interface EnqueueResult {

  ContactId contact();

  /** Stored and queued; {@code offer} is present when an agent was found in the same step. */
  record Queued(ContactId contact, Optional<Offer> offer) implements EnqueueResult {
    public Queued {
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(offer, "offer");
    }
  }

  /** The queue is out of its business hours: nothing was stored; the channel should apply {@code fallback}. */
  record Closed(ContactId contact, QueueId queue, String fallback) implements EnqueueResult {
    public Closed {
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(fallback, "fallback");
    }
  }
}
