package dev.switchboard.routing.queue;

import dev.switchboard.routing.agent.Skills;
import java.util.Objects;

/** What an escalation step does to a contact that has waited long enough. */
public sealed interface EscalationAction {

  /** Accept agents with {@code skill} at {@code level} or more (lower than the queue requires). */
  record RelaxSkill(String skill, int level) implements EscalationAction {
    public RelaxSkill {
      Skills.checkName(skill, "relax-skill step");
      if (level < 1 || level > 10) {
        throw new IllegalArgumentException("relax-skill step for '" + skill + "' has level " + level + ": use 1-10");
      }
    }
  }

  /** Also offer to agents who qualify for another queue. */
  record AddQueueAgents(QueueId queue) implements EscalationAction {
    public AddQueueAgents {
      Objects.requireNonNull(queue, "queue");
    }
  }

  /** Raise the contact's priority by {@code by}. */
  record RaisePriority(int by) implements EscalationAction {
    public RaisePriority {
      if (by < 1 || by > QueuePolicy.MAX_PRIORITY) {
        throw new IllegalArgumentException("raise-priority step of " + by + " is invalid: use 1-" + QueuePolicy.MAX_PRIORITY);
      }
    }
  }

  /**
   * Ask the contact's channel to act (e.g. {@code offer-callback}, {@code voicemail}); the contact stays
   * queued until the channel transfers or ends it.
   */
  record Fallback(String action) implements EscalationAction {
    public Fallback {
      if (action == null || !action.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
        throw new IllegalArgumentException("fallback action '" + action
            + "' is invalid: use 1-32 lower-case letters, digits, '_' or '-' (e.g. offer-callback)");
      }
    }
  }
}
