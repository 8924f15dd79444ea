package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.ContactId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** An agent as routing holds it now: presence, capacity in use and the contacts held (offered or active). */
public record AgentSnapshot(AgentId id, Presence presence, Instant since, int capacity, int used,
    Set<ContactId> contacts, Optional<String> session) {

  public AgentSnapshot {
    contacts = Set.copyOf(contacts);
  }
}
