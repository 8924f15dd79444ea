package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One escalation step of a queue: once a contact has waited {@code after} since it first entered,
 * apply {@code action}.
 */
public record EscalationSettings(Duration after, EscalationSettings.Action action) {

  public EscalationSettings {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(action, "action");
  }

  /** What a step does; exactly one per step. */
  public sealed interface Action {}

  /** {@code relax-skill: {skill, level}}: accept agents with {@code skill} at {@code level} or more. */
  public record RelaxSkill(String skill, int level) implements Action {
    public RelaxSkill {
      Objects.requireNonNull(skill, "skill");
    }
  }

  /** {@code add-queue-agents: QUEUE}: also offer to agents who qualify for that queue. */
  public record AddQueueAgents(String queue) implements Action {
    public AddQueueAgents {
      Objects.requireNonNull(queue, "queue");
    }
  }

  /** {@code raise-priority: N}: raise the contact's priority by {@code by}. */
  public record RaisePriority(int by) implements Action {}

  /** {@code fallback: ACTION}: ask the contact's channel to act, e.g. {@code offer-callback}. */
  public record Fallback(String action) implements Action {
    public Fallback {
      Objects.requireNonNull(action, "action");
    }
  }
}
