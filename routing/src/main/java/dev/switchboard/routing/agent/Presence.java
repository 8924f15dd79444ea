package dev.switchboard.routing.agent;

import java.util.Objects;
import java.util.Optional;

/** An agent's state, with the reason code when {@link AgentState#NOT_READY}. */
public record Presence(AgentState state, Optional<String> reason) {

  /** Reason the router sets when an agent lets an offer ring out. */
  public static final String MISSED = "missed";
  /** Reason of an agent who just logged in and has not yet said they are ready. */
  public static final String LOGIN = "login";

  public Presence {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    if (state == AgentState.NOT_READY && reason.isEmpty()) {
      throw new IllegalArgumentException("NOT_READY needs a reason code (e.g. 'break', 'missed')");
    }
    if (state != AgentState.NOT_READY && reason.isPresent()) {
      throw new IllegalArgumentException("state " + state + " takes no reason code, got '" + reason.get() + "'");
    }
  }

  public static Presence ready() {
    return new Presence(AgentState.READY, Optional.empty());
  }

  public static Presence offline() {
    return new Presence(AgentState.OFFLINE, Optional.empty());
  }

  public static Presence notReady(String reason) {
    return new Presence(AgentState.NOT_READY, Optional.of(reason));
  }
}
