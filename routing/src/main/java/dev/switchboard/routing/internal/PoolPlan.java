package dev.switchboard.routing.internal;

import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.QueuePolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent pools of a center. A pool is a set of skill requirements; its READY agents are indexed in
 * Redis per channel, by idle time, so the script picks an agent without scanning. Each queue searches
 * its own pool, and each escalation step may widen the search: a relaxed skill adds a pool
 * {@code queue#step}, "add agents of another queue" adds that queue's pool.
 */
public final class PoolPlan {

  private final Map<String, Map<String, Integer>> requirements;
  private final Map<String, List<List<String>>> levels;

  private PoolPlan(Map<String, Map<String, Integer>> requirements, Map<String, List<List<String>>> levels) {
    this.requirements = requirements;
    this.levels = levels;
  }

  public static PoolPlan of(List<QueuePolicy> queues) {
    Map<String, Map<String, Integer>> requirements = new LinkedHashMap<>();
    Map<String, List<List<String>>> levels = new LinkedHashMap<>();
    for (QueuePolicy queue : queues) {
      requirements.put(queue.id().value(), queue.requiredSkills());
    }
    for (QueuePolicy queue : queues) {
      levels.put(queue.id().value(), levelsOf(queue, requirements));
    }
    return new PoolPlan(requirements, levels);
  }

  private static List<List<String>> levelsOf(QueuePolicy queue, Map<String, Map<String, Integer>> requirements) {
    List<List<String>> result = new ArrayList<>();
    Set<String> pools = new LinkedHashSet<>(List.of(queue.id().value()));
    Map<String, Integer> relaxed = new HashMap<>(queue.requiredSkills());
    result.add(List.copyOf(pools));
    int step = 0;
    for (EscalationStep escalation : queue.escalations()) {
      step++;
      if (escalation.action() instanceof EscalationAction.RelaxSkill relax) {
        relaxed.put(relax.skill(), Math.min(relax.level(), relaxed.get(relax.skill())));
        String pool = queue.id().value() + "#" + step;
        requirements.put(pool, Map.copyOf(relaxed));
        pools.add(pool);
      } else if (escalation.action() instanceof EscalationAction.AddQueueAgents add) {
        pools.add(add.queue().value());
      }
      result.add(List.copyOf(pools));
    }
    return List.copyOf(result);
  }

  /** The pools an agent with these skills belongs to. */
  public List<String> poolsFor(Map<String, Integer> skills) {
    List<String> pools = new ArrayList<>();
    requirements.forEach((pool, needed) -> {
      boolean qualifies = needed.entrySet().stream()
          .allMatch(need -> skills.getOrDefault(need.getKey(), 0) >= need.getValue());
      if (qualifies) {
        pools.add(pool);
      }
    });
    return pools;
  }

  /** Pools searched by a queue's contacts at each escalation level (level 0 = no step applied yet). */
  public List<List<String>> levels(String queue) {
    return levels.get(queue);
  }

  public Set<String> pools() {
    return requirements.keySet();
  }

  /** For each pool, the queues whose contacts may search it at some level. */
  public Map<String, Set<String>> queuesByPool() {
    Map<String, Set<String>> byPool = new LinkedHashMap<>();
    levels.forEach((queue, queueLevels) -> queueLevels.forEach(pools -> pools.forEach(
        pool -> byPool.computeIfAbsent(pool, any -> new LinkedHashSet<>()).add(queue))));
    return byPool;
  }
}
