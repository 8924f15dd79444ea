package dev.switchboard.channels.phone.calls;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.queue.QueueId;
import java.util.Objects;

/** Where a call is transferred: another queue, one agent, or an outside number. */
public sealed interface TransferTarget {

  /** Back to waiting, in {@code queue}, keeping the caller's original place. */
  record ToQueue(QueueId queue) implements TransferTarget {
    public ToQueue {
      Objects.requireNonNull(queue, "queue");
    }
  }

  /** To one agent, who is awaited for the router's transfer wait. */
  record ToAgent(AgentId agent) implements TransferTarget {
    public ToAgent {
      Objects.requireNonNull(agent, "agent");
    }
  }

  /** Out of the center to {@code number} (E.164), through the click-to-dial context. */
  record ToNumber(String number) implements TransferTarget {
    public ToNumber {
      Objects.requireNonNull(number, "number");
      if (!number.matches("\\+[1-9][0-9]{1,14}")) {
        throw new IllegalArgumentException("transfer number must be E.164 (+ and up to 15 digits), got '"
            + number + "'");
      }
    }
  }
}
