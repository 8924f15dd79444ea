package dev.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.contact.Channel;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentProfileTest {

  private final AgentId ann = new AgentId("ann");

  @Test
  void skillLevelsAreOneToTen() {
    assertThatThrownBy(() -> AgentProfile.of(ann, "Ann", Map.of("sales", 0)))
        .hasMessage("agent ann: skill 'sales' has level 0: use a level from 1 to 10");
  }

  @Test
  void anAgentNeedsAChannelAndAPositiveCapacity() {
    AgentProfile profile = AgentProfile.of(ann, "Ann", Map.of("sales", 3));
    assertThat(profile.capacity()).isEqualTo(100);
    assertThatThrownBy(() -> profile.withChannels(Set.of())).hasMessageContaining("agent ann has no channels");
    assertThatThrownBy(() -> profile.withCapacity(0)).hasMessageContaining("capacity 0 is out of range");
    assertThatThrownBy(() -> profile.withMaxPerChannel(Map.of(Channel.CHAT, 0))).hasMessageContaining("concurrent CHAT");
  }

  @Test
  void notReadyNeedsAReasonAndOtherStatesTakeNone() {
    assertThat(Presence.notReady("break").reason()).contains("break");
    assertThatThrownBy(() -> new Presence(AgentState.NOT_READY, java.util.Optional.empty())).hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> new Presence(AgentState.READY, java.util.Optional.of("x"))).hasMessageContaining("takes no reason");
  }
}
