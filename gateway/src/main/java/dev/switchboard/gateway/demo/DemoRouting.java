package dev.switchboard.gateway.demo;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing a node runs until agents and queues come from the configuration file: a small center
 * with three queues and three agents. Tests pass their own definition to {@code Node.start}.
 *
 * @param agents the agent profile of each account allowed on the desktop (profile id = account id)
 */
public record DemoRouting(RoutingRules rules, RoutingSettings settings, List<AgentProfile> agents) {

  /** Dispositions every demo queue offers at wrap-up. */
  public static final Set<String> DISPOSITIONS = Set.of("resolved", "follow-up", "escalated", "no-action");

  public DemoRouting {
    java.util.Objects.requireNonNull(rules, "rules");
    java.util.Objects.requireNonNull(settings, "settings");
    agents = List.copyOf(agents);
    agents.forEach(rules::checkAgent);
  }

  /** Queues support (every channel), sales (chat, voice) and billing (needs the billing skill). */
  public static DemoRouting standard() {
    Duration wrapUp = Duration.ofSeconds(120);
    List<QueuePolicy> queues = List.of(
        QueuePolicy.of(new QueueId("support"), EnumSet.allOf(Channel.class), Map.of()).withWrapUp(wrapUp, DISPOSITIONS),
        QueuePolicy.of(new QueueId("sales"), EnumSet.of(Channel.CHAT, Channel.VOICE), Map.of("sales", 1))
            .withWrapUp(wrapUp, DISPOSITIONS),
        QueuePolicy.of(new QueueId("billing"), EnumSet.allOf(Channel.class), Map.of("billing", 3))
            .withWrapUp(wrapUp, DISPOSITIONS));
    RoutingRules rules = new RoutingRules(Set.of("sales", "billing", "korean"),
        Set.of("break", "lunch", "meeting", "training"), ChannelCosts.defaults(), queues);
    List<AgentProfile> agents = List.of(
        AgentProfile.of(new AgentId("alice"), "Alice Kim", Map.of("sales", 5, "billing", 5, "korean", 8)),
        AgentProfile.of(new AgentId("bob"), "Bob Lee", Map.of("sales", 3)),
        AgentProfile.of(new AgentId("carol"), "Carol Park", Map.of("billing", 7, "korean", 6)));
    return new DemoRouting(rules, RoutingSettings.defaults(), agents);
  }

  public DemoRouting withAgents(List<AgentProfile> value) {
    return new DemoRouting(rules, settings, value);
  }

  public DemoRouting withSettings(RoutingSettings value) {
    return new DemoRouting(rules, value, agents);
  }
}
