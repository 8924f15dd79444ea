package dev.switchboard.channels.phone;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the AMI link stands, for readiness checks and operators.
 *
 * @param state the link's state
 * @param problem what went wrong last and what to do, while not connected
 * @param since when the link entered this state
 */
public record AmiStatus(State state, Optional<String> problem, Instant since) {

  /** The link's states; only {@link #CONNECTED} is ready. */
  public enum State {
    /** Not started yet, or stopped. */
    STOPPED,
    /** Connecting or waiting to retry after a network failure. */
    CONNECTING,
    /** Logged in; events flow and actions can be sent. */
    CONNECTED,
    /** Asterisk refused the credentials; retried with backoff until fixed. */
    LOGIN_REJECTED
  }

  public AmiStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(since, "since");
  }

  public boolean isReady() {
    return state == State.CONNECTED;
  }
}
