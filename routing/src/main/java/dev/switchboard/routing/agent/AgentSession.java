package dev.switchboard.routing.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a login: the new session, and the session it replaced (the newer login wins; the
 * older session also receives a {@code SessionReplaced} event so its connection can say why it ends).
 */
public record AgentSession(AgentId agent, String session, Optional<String> replaced) {

  public AgentSession {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(replaced, "replaced");
  }
}
