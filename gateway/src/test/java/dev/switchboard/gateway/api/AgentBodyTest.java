package dev.switchboard.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.dispatch.RoutingRules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentBodyTest {

  private final AgentBody bodies = new AgentBody(new RoutingRules(Set.of("billing", "korean"), Set.of(),
      ChannelCosts.defaults(), List.of()));
  private final AgentId kim = new AgentId("kim");

  @Test
  void fieldsLeftOutTakeTheDefaults() {
    AgentProfile profile = bodies.profile(kim, new JsonObject());

    assertThat(profile.displayName()).isEqualTo("kim");
    assertThat(profile.skills()).isEmpty();
    assertThat(profile.capacity()).isEqualTo(100);
    assertThat(profile.channels()).isEqualTo(EnumSet.allOf(Channel.class));
    assertThat(profile.phoneDevice()).isEmpty();
    assertThat(profile.maxPerChannel()).isEmpty();
  }

  @Test
  void aProfileReadsBackAsTheJsonItCameFrom() {
    JsonObject body = new JsonObject().put("displayName", "Kim Minji")
        .put("skills", new JsonObject().put("billing", 7)).put("capacity", 134)
        .put("channels", new JsonArray().add("voice").add("chat")).put("phoneDevice", "SIP/kim")
        .put("maxPerChannel", new JsonObject().put("chat", 2));

    JsonObject json = AgentBody.toJson(bodies.profile(kim, body), false);

    assertThat(json.getString("id")).isEqualTo("kim");
    json.remove("id");
    json.remove("source");
    assertThat(json).isEqualTo(body);
  }

  @Test
  void anUnknownSkillNamesTheCatalogue() {
    assertThatThrownBy(() -> bodies.profile(kim, new JsonObject().put("skills", new JsonObject().put("french", 3))))
        .isInstanceOf(ApiProblem.class)
        .hasMessage("Field 'skills': unknown skill 'french': the skill catalogue has [billing, korean]"
            + " (routing.skills in the configuration file).");
  }

  @Test
  void numbersMustBeWholeAndInRange() {
    assertThatThrownBy(() -> bodies.profile(kim, new JsonObject().put("capacity", "lots")))
        .hasMessageContaining("Field 'capacity' must be a whole number from 1 to 10000 units").hasMessageContaining("lots");
    assertThatThrownBy(() -> bodies.profile(kim, new JsonObject().put("skills", new JsonObject().put("korean", 0))))
        .hasMessage("Field 'skills.korean': 0 is out of range: use 1 to 10.");
    assertThatThrownBy(() -> bodies.profile(kim, new JsonObject().put("maxPerChannel", new JsonObject().put("chat",
        1.5)))).hasMessageContaining("Field 'maxPerChannel.chat' must be a whole number");
  }

  @Test
  void idsMustBeUsableAsSignInNames() {
    assertThat(AgentBody.id("kim.minji-2", "Field 'id'")).isEqualTo(new AgentId("kim.minji-2"));
    assertThatThrownBy(() -> AgentBody.id("Kim@Example", "Field 'id'")).isInstanceOf(ApiProblem.class)
        .hasMessageContaining("Field 'id': agent id 'Kim@Example' is invalid").hasMessageContaining("lower-case");
  }
}
