package dev.switchboard.gateway.routing;

import dev.switchboard.config.AgentSettings;
import dev.switchboard.config.BusinessHoursSettings;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ContactChannel;
import dev.switchboard.config.EscalationSettings;
import dev.switchboard.config.QueueSettings;
import dev.switchboard.config.RoutingSection;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.BusinessHours;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.MaxWait;
import dev.switchboard.routing.queue.OpenPeriod;
import dev.switchboard.routing.queue.PriorityRule;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing engine's rules, timings and agent profiles as the configuration file describes them.
 * The configuration module already checked each value; what routing still refuses (a cross-reference
 * it checks itself) becomes a {@link ConfigException} naming the section.
 */
public record ConfiguredRouting(RoutingRules rules, RoutingSettings settings, Map<AgentId, AgentProfile> agents) {

  public ConfiguredRouting {
    java.util.Objects.requireNonNull(rules, "rules");
    java.util.Objects.requireNonNull(settings, "settings");
    agents = Map.copyOf(agents);
    agents.values().forEach(rules::checkAgent);
  }

  /** Routing defined in code (tests, tools): the rules, the timings and the agents. */
  public static ConfiguredRouting of(RoutingRules rules, RoutingSettings settings, List<AgentProfile> agents) {
    Map<AgentId, AgentProfile> byId = new LinkedHashMap<>();
    for (AgentProfile agent : agents) {
      if (byId.put(agent.id(), agent) != null) {
        throw new IllegalArgumentException("agent " + agent.id() + " is defined twice: give each agent one profile");
      }
    }
    return new ConfiguredRouting(rules, settings, byId);
  }

  public ConfiguredRouting withSettings(RoutingSettings value) {
    return new ConfiguredRouting(rules, value, agents);
  }

  public static ConfiguredRouting from(SwitchboardConfig config) {
    RoutingSection section = config.routing();
    try {
      List<QueuePolicy> queues = config.queues().stream().map(ConfiguredRouting::queue).toList();
      RoutingRules rules = new RoutingRules(skillCatalogue(config), Set.copyOf(section.reasonCodes()),
          costs(section), queues);
      RoutingSettings settings = new RoutingSettings(section.offerTimeout(), section.preferredAgentWait(),
          section.transferWait(), section.sweepInterval(), section.backlogSize(), section.retention());
      return of(rules, settings, config.agents().stream().map(ConfiguredRouting::agent).toList());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config.source().map(Object::toString).orElse("configuration")
          + ": routing: " + e.getMessage());
    }
  }

  /** The declared skills, or, when none are declared, every skill an agent or queue mentions. */
  private static Set<String> skillCatalogue(SwitchboardConfig config) {
    if (!config.routing().skills().isEmpty()) {
      return Set.copyOf(config.routing().skills());
    }
    Set<String> used = new HashSet<>();
    config.agents().forEach(agent -> used.addAll(agent.skills().keySet()));
    config.queues().forEach(queue -> used.addAll(queue.skills().keySet()));
    return used;
  }

  private static ChannelCosts costs(RoutingSection section) {
    Map<Channel, Integer> costs = new EnumMap<>(Channel.class);
    section.costs().forEach((channel, cost) -> costs.put(channel(channel), cost));
    return new ChannelCosts(costs);
  }

  static AgentProfile agent(AgentSettings agent) {
    Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
    agent.maxPerChannel().forEach((channel, count) -> perChannel.put(channel(channel), count));
    return new AgentProfile(new AgentId(agent.id()), agent.name(), agent.skills(), agent.capacity(),
        channels(agent.channels()), agent.phoneDevice(), perChannel);
  }

  static QueuePolicy queue(QueueSettings queue) {
    return new QueuePolicy(new QueueId(queue.id()), channels(queue.channels()), queue.skills(),
        queue.serviceLevel(), queue.priority(),
        queue.priorityRules().stream().map(rule -> new PriorityRule(rule.attribute(), rule.value(), rule.priority()))
            .toList(),
        queue.escalations().stream().map(step -> new EscalationStep(step.after(), action(step.action()))).toList(),
        queue.maxWait().map(wait -> new MaxWait(wait.after(), wait.fallback())),
        queue.hours().map(ConfiguredRouting::hours), queue.wrapUp(), Set.copyOf(queue.dispositions()));
  }

  private static EscalationAction action(EscalationSettings.Action action) {
    if (action instanceof EscalationSettings.RelaxSkill relax) {
      return new EscalationAction.RelaxSkill(relax.skill(), relax.level());
    }
    if (action instanceof EscalationSettings.AddQueueAgents add) {
      return new EscalationAction.AddQueueAgents(new QueueId(add.queue()));
    }
    if (action instanceof EscalationSettings.RaisePriority raise) {
      return new EscalationAction.RaisePriority(raise.by());
    }
    return new EscalationAction.Fallback(((EscalationSettings.Fallback) action).action());
  }

  private static BusinessHours hours(BusinessHoursSettings hours) {
    Map<java.time.DayOfWeek, List<OpenPeriod>> week = new EnumMap<>(java.time.DayOfWeek.class);
    hours.weekly().forEach((day, periods) -> week.put(day,
        periods.stream().map(period -> new OpenPeriod(period.from(), period.to())).toList()));
    return new BusinessHours(hours.zone(), week, hours.holidays(), hours.fallback());
  }

  private static Set<Channel> channels(Set<ContactChannel> channels) {
    Set<Channel> mapped = EnumSet.noneOf(Channel.class);
    channels.forEach(channel -> mapped.add(channel(channel)));
    return mapped;
  }

  private static Channel channel(ContactChannel channel) {
    return Channel.valueOf(channel.name());
  }
}
