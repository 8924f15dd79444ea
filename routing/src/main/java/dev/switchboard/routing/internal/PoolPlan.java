package dev.switchboard.routing.internal;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.QueuePolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
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
  private final Map<String, Set<Channel>> channels;
  private final Map<String, Set<Channel>> queueChannels;

  private PoolPlan(Map<String, Map<String, Integer>> requirements, Map<String, List<List<String>>> levels,
      Map<String, Set<Channel>> channels, Map<String, Set<Channel>> queueChannels) {
    this.requirements = requirements;
    this.levels = levels;
    this.channels = channels;
    this.queueChannels = queueChannels;
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
    Map<String, Set<Channel>> channels = new HashMap<>();
    Map<String, Set<Channel>> queueChannels = new HashMap<>();
    for (QueuePolicy queue : queues) {
      queueChannels.put(queue.id().value(), Set.copyOf(queue.channels()));
      levels.get(queue.id().value()).forEach(pools -> pools.forEach(pool -> channels
          .computeIfAbsent(pool, any -> EnumSet.noneOf(Channel.class)).addAll(queue.channels())));
    }
    return new PoolPlan(requirements, levels, channels, queueChannels);
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

  /**
   * For each channel the agent takes, the pools it is indexed in for that channel: its pools searched by
   * some queue taking the channel. A pool no such queue searches is never read for that channel.
   */
  public Map<Channel, List<String>> indexedPools(Map<String, Integer> skills, Set<Channel> agentChannels) {
    List<String> pools = poolsFor(skills);
    Map<Channel, List<String>> indexed = new EnumMap<>(Channel.class);
    for (Channel channel : agentChannels) {
      indexed.put(channel, pools.stream()
          .filter(pool -> channels.getOrDefault(pool, Set.of()).contains(channel)).toList());
    }
    return indexed;
  }

  /**
   * The waiting lists an agent may serve, as {@code queue|CHANNEL}: the lists of the queues searching one
   * of its pools at some level, for the channels both the queue and the agent take.
   */
  public List<String> waitingLists(Map<String, Integer> skills, Set<Channel> agentChannels) {
    Set<String> queues = new LinkedHashSet<>();
    Map<String, Set<String>> byPool = queuesByPool();
    poolsFor(skills).forEach(pool -> queues.addAll(byPool.getOrDefault(pool, Set.of())));
    List<String> lists = new ArrayList<>();
    for (String queue : queues) {
      for (Channel channel : Channel.values()) {
        if (agentChannels.contains(channel) && queueChannels.get(queue).contains(channel)) {
          lists.add(queue + "|" + channel.name());
        }
      }
    }
    return lists;
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
