package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static dev.switchboard.routing.dispatch.RoutingFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.queue.QueueId;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whether a queue has anyone logged in for a channel, as the web chat asks before queueing a visitor. */
class StaffingIT {

  private final RoutingFixture center = new RoutingFixture(Centers.rules(), RoutingSettings.defaults());

  @AfterEach
  void close() {
    center.close();
  }

  private boolean staffed(QueueId queue, Channel channel) {
    return await(center.view.staffed(queue, channel));
  }

  @Test
  void nobodyLoggedInMeansUnstaffed() {
    assertThat(staffed(Centers.SALES, Channel.CHAT)).isFalse();
  }

  @Test
  void aLoggedInAgentCountsWhetherReadyOrNotAndLoggingOutEndsIt() {
    AgentId kim = new AgentId("kim");
    await(center.router.login(Centers.seller("kim")));
    assertThat(staffed(Centers.SALES, Channel.CHAT)).as("NOT_READY after login").isTrue();

    await(center.router.setPresence(kim, Presence.ready()));
    assertThat(staffed(Centers.SALES, Channel.CHAT)).as("READY").isTrue();

    await(center.router.setPresence(kim, Presence.notReady("break")));
    assertThat(staffed(Centers.SALES, Channel.CHAT)).as("on a break").isTrue();

    await(center.router.logout(kim));
    assertThat(staffed(Centers.SALES, Channel.CHAT)).as("logged out").isFalse();
  }

  @Test
  void onlyAgentsWithTheSkillsAndTheChannelCount() {
    await(center.router.login(Centers.agent("lee", Map.of("billing", 9))));
    await(center.router.login(Centers.seller("voice-only").withChannels(EnumSet.of(Channel.VOICE))));

    assertThat(staffed(Centers.SALES, Channel.CHAT)).isFalse();
    assertThat(staffed(Centers.SALES, Channel.VOICE)).isTrue();
    assertThat(staffed(Centers.BILLING, Channel.CHAT)).isTrue();
  }

  @Test
  void anAgentAnEscalationStepWouldReachCounts() {
    await(center.router.login(Centers.agent("relaxed", Map.of("french", 5))));

    assertThat(staffed(Centers.FRENCH, Channel.CHAT)).as("french 5 meets the relaxed level 4").isTrue();
  }

  @Test
  void aNewLoginWithAnotherProfileMovesThePresence() {
    await(center.router.login(Centers.seller("mover")));
    await(center.router.login(Centers.agent("mover", Map.of("billing", 5))));

    assertThat(staffed(Centers.SALES, Channel.CHAT)).isFalse();
    assertThat(staffed(Centers.BILLING, Channel.CHAT)).isTrue();
  }

  @Test
  void anUnknownQueueIsRefused() {
    assertThat(failure(center.view.staffed(new QueueId("nowhere"), Channel.CHAT)))
        .isInstanceOf(UnknownQueueException.class).hasMessageContaining("nowhere");
  }
}
