package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactState;
import java.time.Instant;
import java.util.Optional;

/** One persisted step of a contact's life; {@code from} is empty for the first. */
public record ContactTransition(Instant at, Optional<ContactState> from, ContactState to, Optional<AgentId> agent,
    String why) {}
