package dev.switchboard.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolPlanTest {

  private final PoolPlan plan = PoolPlan.of(List.of(
      QueuePolicy.of(new QueueId("sales"), EnumSet.of(Channel.VOICE), Map.of("sales", 5)),
      QueuePolicy.of(new QueueId("french"), EnumSet.of(Channel.VOICE), Map.of("french", 8, "sales", 2))
          .withEscalations(List.of(
              new EscalationStep(Duration.ofSeconds(30), new EscalationAction.RelaxSkill("french", 4)),
              new EscalationStep(Duration.ofSeconds(60), new EscalationAction.AddQueueAgents(new QueueId("sales"))),
              new EscalationStep(Duration.ofSeconds(90), new EscalationAction.RaisePriority(5))))));

  @Test
  void eachEscalationLevelWidensThePoolsSearched() {
    assertThat(plan.levels("french")).containsExactly(
        List.of("french"), List.of("french", "french#1"), List.of("french", "french#1", "sales"),
        List.of("french", "french#1", "sales"));
  }

  @Test
  void anAgentBelongsToEveryPoolWhoseRequirementsItMeets() {
    assertThat(plan.poolsFor(Map.of("french", 9, "sales", 2))).containsExactly("french", "french#1");
    assertThat(plan.poolsFor(Map.of("french", 5, "sales", 6))).containsExactly("sales", "french#1");
    assertThat(plan.poolsFor(Map.of())).isEmpty();
  }

  @Test
  void poolsKnowWhichQueuesSearchThem() {
    assertThat(plan.queuesByPool()).containsEntry("sales", java.util.Set.of("sales", "french"))
        .containsEntry("french#1", java.util.Set.of("french"));
  }

  @Test
  void anAgentIsIndexedForAChannelOnlyInPoolsAQueueOfThatChannelSearches() {
    PoolPlan mixed = PoolPlan.of(List.of(
        QueuePolicy.of(new QueueId("calls"), EnumSet.of(Channel.VOICE), Map.of("sales", 1)),
        QueuePolicy.of(new QueueId("chats"), EnumSet.of(Channel.CHAT, Channel.EMAIL), Map.of("sales", 1))));

    assertThat(mixed.indexedPools(Map.of("sales", 3), EnumSet.of(Channel.VOICE, Channel.CHAT, Channel.CALLBACK)))
        .containsEntry(Channel.VOICE, List.of("calls")).containsEntry(Channel.CHAT, List.of("chats"))
        .containsEntry(Channel.CALLBACK, List.of()).doesNotContainKey(Channel.EMAIL);
  }

  @Test
  void anAgentServesTheWaitingListsOfEveryQueueSearchingItsPoolsForChannelsBothTake() {
    assertThat(plan.waitingLists(Map.of("french", 5, "sales", 6), EnumSet.of(Channel.VOICE, Channel.CHAT)))
        .containsExactlyInAnyOrder("sales|VOICE", "french|VOICE");
    assertThat(plan.waitingLists(Map.of("french", 5, "sales", 6), EnumSet.of(Channel.CHAT))).isEmpty();
  }
}
