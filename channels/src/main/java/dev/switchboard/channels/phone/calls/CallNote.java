package dev.switchboard.channels.phone.calls;

import dev.switchboard.routing.agent.AgentId;
import java.time.Instant;
import java.util.Objects;

/**
 * A call made by an agent outside any routed contact (click-to-dial), for the customer's timeline.
 *
 * @param number the dialled number, E.164
 * @param summary one line for the screen-pop, e.g. {@code click-to-dial by ann: ringing the agent}
 */
public record CallNote(Instant at, AgentId agent, String number, String summary) {
  public CallNote {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(summary, "summary");
  }
}
