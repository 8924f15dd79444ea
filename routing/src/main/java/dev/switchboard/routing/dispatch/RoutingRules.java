package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.agent.Skills;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the center routes with: the skill catalogue, not-ready reason codes, channel costs and queues.
 * Cross-references are checked here (a queue needing an unknown skill, an escalation naming an unknown
 * queue), so a bad configuration fails at start-up with the name of what is wrong.
 *
 * @param reasonCodes not-ready reasons agents may pick; {@code missed} and {@code login} are built in
 */
public record RoutingRules(Set<String> skills, Set<String> reasonCodes, ChannelCosts costs, List<QueuePolicy> queues) {

  public RoutingRules {
    skills = Set.copyOf(skills);
    skills.forEach(skill -> Skills.checkName(skill, "skill catalogue"));
    Set<String> reasons = new HashSet<>(reasonCodes);
    reasons.forEach(code -> {
      if (code == null || !code.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
        throw new IllegalArgumentException("reason code '" + code + "' is invalid: use 1-32 lower-case letters, digits, '_' or '-'");
      }
    });
    reasons.add(Presence.MISSED);
    reasons.add(Presence.LOGIN);
    reasonCodes = Set.copyOf(reasons);
    Objects.requireNonNull(costs, "costs");
    queues = List.copyOf(queues);
    Map<QueueId, QueuePolicy> byId = new LinkedHashMap<>();
    for (QueuePolicy queue : queues) {
      if (byId.put(queue.id(), queue) != null) {
        throw new IllegalArgumentException("queue " + queue.id() + " is defined twice: give each queue a unique id");
      }
    }
    for (QueuePolicy queue : queues) {
      check(queue, skills, byId);
    }
  }

  /** The queue's policy, or an {@link UnknownQueueException} naming the known queues. */
  public QueuePolicy queue(QueueId id) {
    return find(id).orElseThrow(() -> new UnknownQueueException("unknown queue '" + id + "': known queues are "
        + new TreeSet<>(queues.stream().map(q -> q.id().value()).toList())));
  }

  public Optional<QueuePolicy> find(QueueId id) {
    return queues.stream().filter(queue -> queue.id().equals(id)).findFirst();
  }

  /** Fails when the agent has a skill outside the catalogue. */
  public void checkAgent(AgentProfile agent) {
    agent.skills().keySet().forEach(skill -> knownSkill(skill, "agent " + agent.id(), skills));
  }

  /** Fails when {@code reason} is not a configured or built-in reason code. */
  public void checkReason(String reason) {
    if (!reasonCodes.contains(reason)) {
      throw new InvalidCodeException("unknown not-ready reason '" + reason + "': use one of " + new TreeSet<>(reasonCodes));
    }
  }

  private static void check(QueuePolicy queue, Set<String> skills, Map<QueueId, QueuePolicy> byId) {
    String owner = "queue " + queue.id();
    queue.requiredSkills().keySet().forEach(skill -> knownSkill(skill, owner, skills));
    for (EscalationStep step : queue.escalations()) {
      if (step.action() instanceof EscalationAction.RelaxSkill relax) {
        Integer required = queue.requiredSkills().get(relax.skill());
        if (required == null) {
          throw new IllegalArgumentException(owner + ": escalation relaxes skill '" + relax.skill()
              + "' which the queue does not require: relax one of " + new TreeSet<>(queue.requiredSkills().keySet()));
        }
      }
      if (step.action() instanceof EscalationAction.AddQueueAgents add) {
        if (!byId.containsKey(add.queue()) || add.queue().equals(queue.id())) {
          throw new IllegalArgumentException(owner + ": escalation adds agents of unknown queue '" + add.queue()
              + "': name another configured queue, one of " + new TreeSet<>(byId.keySet().stream().map(QueueId::value).toList()));
        }
      }
    }
  }

  private static void knownSkill(String skill, String owner, Set<String> skills) {
    if (!skills.contains(skill)) {
      throw new IllegalArgumentException(owner + " uses unknown skill '" + skill
          + "': add it to the skill catalogue or use one of " + new TreeSet<>(skills));
    }
  }
}
