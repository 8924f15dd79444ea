package dev.switchboard.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredRoutingTest {

  private static final Path DOCS = Path.of("..", "docs", "configuration.md");

  @TempDir
  Path dir;

  private SwitchboardConfig load(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("switchboard.yaml"), yaml);
    return ConfigLoader.load(Optional.of(file), Map.of("SB_PASSWORD_CHOI", "not-used-here-1",
        "SB_PASSWORD_PARK", "not-used-here-2"));
  }

  @Test
  void theDocumentedExampleBecomesRoutingRulesAndAgents() throws IOException {
    ConfiguredRouting routing = ConfiguredRouting.from(load(documentedExample()));

    assertThat(routing.rules().queues()).extracting(QueuePolicy::id)
        .contains(new QueueId("support"), new QueueId("billing"));
    QueuePolicy support = routing.rules().queue(new QueueId("support"));
    assertThat(support.channels()).contains(Channel.VOICE, Channel.CHAT);
    assertThat(support.escalations()).extracting(step -> step.action().getClass().getSimpleName())
        .contains("RelaxSkill", "AddQueueAgents");
    assertThat(support.hours()).isPresent();
    assertThat(support.hours().get().isOpen(Instant.parse("2026-12-25T03:00:00Z"))).as("Christmas is a holiday")
        .isFalse();
    assertThat(routing.settings().preferredAgentWait()).isEqualTo(Duration.ofSeconds(45));
    assertThat(routing.agents()).isNotEmpty();
    routing.agents().values().forEach(agent -> assertThat(agent.capacity()).isPositive());
  }

  @Test
  void noAgentsOrQueuesIsAnEmptyCenter() throws IOException {
    ConfiguredRouting routing = ConfiguredRouting.from(load("server:\n  port: 8080\n"));

    assertThat(routing.rules().queues()).isEmpty();
    assertThat(routing.agents()).isEmpty();
  }

  @Test
  void skillsMentionedWithoutACatalogueAreAccepted() throws IOException {
    ConfiguredRouting routing = ConfiguredRouting.from(load(String.join("\n",
        "queues:",
        "  - id: sales",
        "    channels: [chat]",
        "    skills: {sales: 2}",
        "agents:",
        "  - id: agent-1",
        "    skills: {sales: 5}",
        "")));

    assertThat(routing.agents()).containsKey(new AgentId("agent-1"));
    assertThat(routing.rules().queue(new QueueId("sales")).requiredSkills()).containsEntry("sales", 2);
  }

  @Test
  void costsAndPerChannelCapsCarryOver() throws IOException {
    ConfiguredRouting routing = ConfiguredRouting.from(load(String.join("\n",
        "routing:",
        "  costs:",
        "    chat: 25",
        "queues:",
        "  - id: sales",
        "    channels: [chat]",
        "agents:",
        "  - id: agent-1",
        "    channels: [chat, email]",
        "    max-per-channel: {chat: 2}",
        "")));

    assertThat(routing.rules().costs().cost(Channel.CHAT)).isEqualTo(25);
    assertThat(routing.agents().get(new AgentId("agent-1")).maxPerChannel()).containsEntry(Channel.CHAT, 2);
    assertThat(routing.agents().get(new AgentId("agent-1")).channels()).containsExactlyInAnyOrder(Channel.CHAT, Channel.EMAIL);
  }

  @Test
  void anAgentDefinedTwiceIsRefused() throws IOException {
    ConfiguredRouting configured = ConfiguredRouting.from(load("queues:\n  - id: sales\n    channels: [chat]\n"));
    var agent = dev.switchboard.routing.agent.AgentProfile.of(new AgentId("ann"), "Ann", Map.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfiguredRouting.of(configured.rules(),
        configured.settings(), java.util.List.of(agent, agent))).hasMessageContaining("defined twice");
  }

  private static String documentedExample() throws IOException {
    String docs = Files.readString(DOCS);
    int marker = docs.indexOf("<!-- example: routing -->");
    int start = docs.indexOf("```yaml\n", marker) + "```yaml\n".length();
    return docs.substring(start, docs.indexOf("```", start));
  }
}
