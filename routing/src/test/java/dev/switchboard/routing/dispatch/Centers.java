package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.PriorityRule;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The test center: a sales queue (sales 5), a billing queue (billing 3) and a french queue. */
final class Centers {

  static final QueueId SALES = new QueueId("sales");
  static final QueueId BILLING = new QueueId("billing");
  static final QueueId FRENCH = new QueueId("french");

  private Centers() {}

  static QueuePolicy sales() {
    return QueuePolicy.of(SALES, EnumSet.allOf(Channel.class), Map.of("sales", 5))
        .withPriority(10, List.of(new PriorityRule("tier", "gold", 50)));
  }

  static QueuePolicy billing() {
    return QueuePolicy.of(BILLING, EnumSet.allOf(Channel.class), Map.of("billing", 3));
  }

  static QueuePolicy french() {
    return QueuePolicy.of(FRENCH, EnumSet.of(Channel.VOICE, Channel.CHAT), Map.of("french", 8))
        .withEscalations(List.of(
            new EscalationStep(Duration.ofSeconds(30), new EscalationAction.RelaxSkill("french", 4)),
            new EscalationStep(Duration.ofSeconds(60), new EscalationAction.AddQueueAgents(SALES)),
            new EscalationStep(Duration.ofSeconds(90), new EscalationAction.Fallback("offer-callback"))));
  }

  static RoutingRules rules(ChannelCosts costs, QueuePolicy... extra) {
    List<QueuePolicy> queues = new java.util.ArrayList<>(List.of(sales(), billing(), french()));
    queues.addAll(List.of(extra));
    return new RoutingRules(Set.of("sales", "billing", "french"), Set.of("break", "lunch"), costs, queues);
  }

  static RoutingRules rules() {
    return rules(ChannelCosts.defaults());
  }

  static AgentProfile agent(String id, Map<String, Integer> skills) {
    return AgentProfile.of(new AgentId(id), "Agent " + id, skills);
  }

  static AgentProfile seller(String id) {
    return agent(id, Map.of("sales", 7));
  }
}
