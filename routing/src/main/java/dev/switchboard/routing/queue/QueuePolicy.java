package dev.switchboard.routing.queue;

import dev.switchboard.routing.agent.Skills;
import dev.switchboard.routing.contact.Channel;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a queue routes: what it takes, who may answer, how fast, and what happens when waits grow.
 *
 * @param requiredSkills skill name to the minimum level an agent needs
 * @param serviceLevel answer target counted by the service-level statistic
 * @param basePriority priority of every contact before rules and boosts (higher is served first)
 * @param escalations steps ordered by wait, applied once each
 * @param wrapUp time an agent keeps the capacity after completing, before the contact ends by itself
 * @param dispositions codes an agent may end a contact with; empty means free text is not checked
 */
public record QueuePolicy(
    QueueId id,
    Set<Channel> channels,
    Map<String, Integer> requiredSkills,
    Duration serviceLevel,
    int basePriority,
    List<PriorityRule> priorityRules,
    List<EscalationStep> escalations,
    Optional<MaxWait> maxWait,
    Optional<BusinessHours> hours,
    Duration wrapUp,
    Set<String> dispositions) {

  public static final int MAX_PRIORITY = 500;

  public QueuePolicy {
    Objects.requireNonNull(id, "id");
    if (channels == null || channels.isEmpty()) {
      throw new IllegalArgumentException("queue " + id + " takes no channel: name at least one of voice, chat, email, callback");
    }
    channels = Set.copyOf(EnumSet.copyOf(channels));
    requiredSkills = Skills.checked(requiredSkills, "queue " + id);
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    if (serviceLevel.isNegative() || serviceLevel.isZero()) {
      throw new IllegalArgumentException("queue " + id + ": service-level target " + serviceLevel + " must be positive");
    }
    if (basePriority < 0 || basePriority > MAX_PRIORITY) {
      throw new IllegalArgumentException("queue " + id + ": base priority " + basePriority + " is out of range 0-" + MAX_PRIORITY);
    }
    priorityRules = List.copyOf(priorityRules);
    escalations = escalations.stream().sorted(Comparator.comparing(EscalationStep::after)).toList();
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(wrapUp, "wrapUp");
    if (wrapUp.isNegative()) {
      throw new IllegalArgumentException("queue " + id + ": wrap-up " + wrapUp + " is negative: use 0 or more");
    }
    dispositions = Set.copyOf(dispositions);
    dispositions.forEach(code -> {
      if (!code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
        throw new IllegalArgumentException("queue " + id + ": disposition code '" + code
            + "' is invalid: use 1-32 letters, digits, '_' or '-'");
      }
    });
  }

  /** A queue with a 20 s service level, priority 0, no rules, no escalation, always open, no wrap-up. */
  public static QueuePolicy of(QueueId id, Set<Channel> channels, Map<String, Integer> requiredSkills) {
    return new QueuePolicy(id, channels, requiredSkills, Duration.ofSeconds(20), 0, List.of(), List.of(),
        Optional.empty(), Optional.empty(), Duration.ZERO, Set.of());
  }

  /** The priority of a new contact: base, or the highest matching rule, plus the boost, kept in 0-500. */
  public int priorityOf(Map<String, String> attributes, int boost) {
    int priority = priorityRules.stream()
        .filter(rule -> rule.value().equals(attributes.get(rule.attribute())))
        .mapToInt(PriorityRule::priority).max().orElse(basePriority);
    return Math.max(0, Math.min(MAX_PRIORITY, priority + boost));
  }

  public QueuePolicy withServiceLevel(Duration value) {
    return new QueuePolicy(id, channels, requiredSkills, value, basePriority, priorityRules, escalations, maxWait,
        hours, wrapUp, dispositions);
  }

  public QueuePolicy withPriority(int base, List<PriorityRule> rules) {
    return new QueuePolicy(id, channels, requiredSkills, serviceLevel, base, rules, escalations, maxWait, hours,
        wrapUp, dispositions);
  }

  public QueuePolicy withEscalations(List<EscalationStep> value) {
    return new QueuePolicy(id, channels, requiredSkills, serviceLevel, basePriority, priorityRules, value, maxWait,
        hours, wrapUp, dispositions);
  }

  public QueuePolicy withMaxWait(MaxWait value) {
    return new QueuePolicy(id, channels, requiredSkills, serviceLevel, basePriority, priorityRules, escalations,
        Optional.of(value), hours, wrapUp, dispositions);
  }

  public QueuePolicy withHours(BusinessHours value) {
    return new QueuePolicy(id, channels, requiredSkills, serviceLevel, basePriority, priorityRules, escalations,
        maxWait, Optional.of(value), wrapUp, dispositions);
  }

  public QueuePolicy withWrapUp(Duration value, Set<String> codes) {
    return new QueuePolicy(id, channels, requiredSkills, serviceLevel, basePriority, priorityRules, escalations,
        maxWait, hours, value, codes);
  }
}
