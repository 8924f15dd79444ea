package dev.switchboard.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the {@code queues:} list: what a queue takes and how it routes.
 *
 * @param id 1-32 characters of a-z, 0-9, '_' and '-'
 * @param channels channels the queue takes (at least one)
 * @param skills skill name to the minimum level 1-10 an agent needs
 * @param serviceLevel answer target of the service-level statistic (default 20s)
 * @param priority base priority of its contacts, 0-500 (default 0; higher is served first)
 * @param priorityRules rules that give matching contacts another priority
 * @param escalations steps applied as waits grow, in the order written
 * @param maxWait the longest a contact should wait, and what happens then
 * @param hours when the queue is open; empty means always
 * @param wrapUp time an agent keeps the capacity after a contact (default 30s)
 * @param dispositions codes an agent may end a contact with; empty means any
 */
public record QueueSettings(
    String id,
    Set<ContactChannel> channels,
    Map<String, Integer> skills,
    Duration serviceLevel,
    int priority,
    List<PriorityRuleSettings> priorityRules,
    List<EscalationSettings> escalations,
    Optional<MaxWaitSettings> maxWait,
    Optional<BusinessHoursSettings> hours,
    Duration wrapUp,
    List<String> dispositions) {

  public QueueSettings {
    Objects.requireNonNull(id, "id");
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("queue " + id + " takes no channel: name at least one");
    }
    channels = Set.copyOf(EnumSet.copyOf(channels));
    skills = Map.copyOf(skills);
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    priorityRules = List.copyOf(priorityRules);
    escalations = List.copyOf(escalations);
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(wrapUp, "wrapUp");
    dispositions = List.copyOf(dispositions);
  }

  /** A queue with the defaults: 20s service level, priority 0, no rules or escalations, always open, 30s wrap-up. */
  public static QueueSettings of(String id, Set<ContactChannel> channels, Map<String, Integer> skills) {
    return new QueueSettings(id, channels, skills, Duration.ofSeconds(20), 0, List.of(), List.of(),
        Optional.empty(), Optional.empty(), Duration.ofSeconds(30), List.of());
  }
}
