package dev.switchboard.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

  private static final QueueId SALES = new QueueId("sales");

  private static QueuePolicy sales(Map<String, Integer> skills) {
    return QueuePolicy.of(SALES, EnumSet.of(Channel.VOICE), skills);
  }

  private static RoutingRules rules(QueuePolicy... queues) {
    return new RoutingRules(Set.of("sales"), Set.of("break"), ChannelCosts.defaults(), List.of(queues));
  }

  @Test
  void aQueueNeedingAnUnknownSkillNamesTheSkillAndTheCatalogue() {
    assertThatThrownBy(() -> rules(sales(Map.of("salse", 5))))
        .hasMessage("queue sales uses unknown skill 'salse': add it to the skill catalogue or use one of [sales]");
  }

  @Test
  void anEscalationToAnUnknownQueueIsRejected() {
    QueuePolicy queue = sales(Map.of("sales", 5)).withEscalations(List.of(
        new EscalationStep(Duration.ofSeconds(30), new EscalationAction.AddQueueAgents(new QueueId("billing")))));
    assertThatThrownBy(() -> rules(queue)).hasMessageContaining("unknown queue 'billing'");
  }

  @Test
  void relaxingASkillTheQueueDoesNotRequireIsRejected() {
    QueuePolicy queue = sales(Map.of()).withEscalations(List.of(
        new EscalationStep(Duration.ofSeconds(30), new EscalationAction.RelaxSkill("sales", 2))));
    assertThatThrownBy(() -> rules(queue)).hasMessageContaining("relaxes skill 'sales' which the queue does not require");
  }

  @Test
  void duplicateQueuesAreRejected() {
    assertThatThrownBy(() -> rules(sales(Map.of()), sales(Map.of()))).hasMessageContaining("queue sales is defined twice");
  }

  @Test
  void anUnknownQueueLookupIsTyped() {
    assertThatThrownBy(() -> rules(sales(Map.of())).queue(new QueueId("nope")))
        .isInstanceOf(UnknownQueueException.class).hasMessage("unknown queue 'nope': known queues are [sales]");
  }

  @Test
  void missedAndLoginAreBuiltInReasonCodes() {
    RoutingRules rules = rules(sales(Map.of()));
    assertThat(rules.reasonCodes()).containsExactlyInAnyOrder("break", "missed", "login");
    assertThatThrownBy(() -> rules.checkReason("nap")).isInstanceOf(InvalidCodeException.class)
        .hasMessageContaining("unknown not-ready reason 'nap'");
  }
}
