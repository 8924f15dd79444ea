package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingConfigTest {

  private static final Path DOCS = Path.of("..", "docs", "configuration.md");
  private static final Map<String, String> PASSWORDS = Map.of("SB_PASSWORD_PARK", "park-secret-1",
      "SB_PASSWORD_CHOI", "choi-secret-2");

  @TempDir Path directory;

  @Test
  void defaultsApplyWhenTheSectionsAreAbsent() throws IOException {
    SwitchboardConfig fromDefaults = ConfigLoader.load(Optional.empty(), Map.of());
    SwitchboardConfig fromFile = ConfigLoader.load(Optional.of(write("server:\n  port: 9000\n")), Map.of());

    for (SwitchboardConfig config : List.of(fromDefaults, fromFile)) {
      assertThat(config.routing()).isEqualTo(RoutingSection.defaults());
      assertThat(config.agents()).isEmpty();
      assertThat(config.queues()).isEmpty();
    }
    RoutingSection routing = fromDefaults.routing();
    assertThat(routing.offerTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(routing.preferredAgentWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(routing.transferWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(routing.sweepInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(routing.backlogSize()).isEqualTo(500);
    assertThat(routing.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(routing.skills()).isEmpty();
    assertThat(routing.reasonCodes()).containsExactly("break", "lunch", "training", "meeting");
    assertThat(routing.costs()).containsExactlyInAnyOrderEntriesOf(Map.of(ContactChannel.VOICE, 100,
        ContactChannel.CHAT, 34, ContactChannel.EMAIL, 20, ContactChannel.CALLBACK, 100));
  }

  @Test
  void fourArgumentConstructorFillsTheRoutingDefaults() {
    SwitchboardConfig base = ConfigLoader.load(Optional.empty(), Map.of());

    SwitchboardConfig config = new SwitchboardConfig(base.server(), base.redis(), base.directory(), Optional.empty());

    assertThat(config).isEqualTo(base);
    assertThat(config.withServer(base.server().withPort(7000)).server().port()).isEqualTo(7000);
  }

  @Test
  void theDocumentedExampleParsesIntoTheExpectedRecords() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(write(documentedExample())), PASSWORDS);

    assertThat(config.routing().preferredAgentWait()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.routing().skills()).containsExactly("korean", "english", "billing", "tech", "vip");
    assertThat(config.routing().reasonCodes()).containsExactly("break", "lunch", "training", "meeting", "coaching");
    assertThat(config.routing().cost(ContactChannel.CHAT)).isEqualTo(25);
    assertThat(config.routing().cost(ContactChannel.VOICE)).isEqualTo(100);
    assertThat(config.queues()).extracting(QueueSettings::id).containsExactly("support", "billing", "vip");
    assertThat(config.queues().get(0)).isEqualTo(expectedSupportQueue());
    QueueSettings vip = config.queues().get(2);
    assertThat(vip.priority()).isEqualTo(200);
    assertThat(vip.escalations()).containsExactly(
        new EscalationSettings(Duration.ofSeconds(30), new EscalationSettings.AddQueueAgents("support")));
    assertThat(vip.hours().orElseThrow().weekly()).hasSize(7).containsEntry(DayOfWeek.SUNDAY,
        List.of(new OpenPeriodSettings(LocalTime.of(8, 0), LocalTime.of(22, 0))));
    assertThat(vip.hours().orElseThrow().fallback()).isEqualTo("leave-message");
    assertThat(vip.dispositions()).isEmpty();
    assertThat(config.queues().get(1).escalations()).extracting(EscalationSettings::action).containsExactly(
        new EscalationSettings.RelaxSkill("billing", 3), new EscalationSettings.RaisePriority(50));
  }

  @Test
  void theDocumentedAgentsParseWithTheirDefaults() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(write(documentedExample())), PASSWORDS);

    assertThat(config.agents()).extracting(AgentSettings::id)
        .containsExactly("kim.minji", "lee.junho", "park.soyeon", "choi.hyunwoo");
    assertThat(config.agents().get(0)).isEqualTo(new AgentSettings("kim.minji", "김민지",
        Map.of("korean", 9, "english", 6, "tech", 7), 100,
        EnumSet.of(ContactChannel.VOICE, ContactChannel.CHAT, ContactChannel.EMAIL), Optional.of("PJSIP/1001"),
        Map.of(ContactChannel.CHAT, 3), AgentRole.AGENT, Optional.empty()));
    AgentSettings lee = config.agents().get(1);
    assertThat(lee.channels()).containsExactlyInAnyOrder(ContactChannel.values());
    assertThat(lee.capacity()).isEqualTo(100);
    assertThat(lee.role()).isEqualTo(AgentRole.AGENT);
    AgentSettings park = config.agents().get(2);
    assertThat(park.role()).isEqualTo(AgentRole.SUPERVISOR);
    assertThat(park.password()).contains(new Secret("SB_PASSWORD_PARK", "park-secret-1"));
    AgentSettings choi = config.agents().get(3);
    assertThat(choi.name()).isEqualTo("최현우");
    assertThat(choi.skills()).isEmpty();
    assertThat(choi.capacity()).isEqualTo(60);
    assertThat(choi.channels()).containsExactly(ContactChannel.EMAIL);
    assertThat(choi.role()).isEqualTo(AgentRole.ADMIN);
    assertThat(config.toString()).doesNotContain("park-secret-1", "choi-secret-2").contains("env:SB_PASSWORD_PARK");
  }

  @Test
  void queueDefaultsApplyToAMinimalQueue() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(write("""
        queues:
          - id: general
            channels: [chat]
        agents:
          - id: solo
        """)), Map.of());

    assertThat(config.queues()).containsExactly(
        QueueSettings.of("general", Set.of(ContactChannel.CHAT), Map.of()));
    assertThat(config.agents()).containsExactly(AgentSettings.of("solo", Map.of()));
  }

  @Test
  void environmentOverridesRoutingScalarsAndTheSkillList() throws IOException {
    Path file = write("""
        routing:
          offer-timeout: 15s
          skills: [korean]
          costs:
            email: 10
        queues:
          - id: support
            channels: [voice]
            skills: {billing: 5}
        """);

    SwitchboardConfig config = ConfigLoader.load(Optional.of(file), Map.of(
        "SWITCHBOARD_ROUTING_OFFER_TIMEOUT", "45s",
        "SWITCHBOARD_ROUTING_SKILLS", "korean, billing",
        "SWITCHBOARD_ROUTING_COSTS_CHAT", "50",
        "SWITCHBOARD_ROUTING_RETENTION", "30d"));

    assertThat(config.routing().offerTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.routing().skills()).containsExactly("korean", "billing");
    assertThat(config.routing().cost(ContactChannel.CHAT)).isEqualTo(50);
    assertThat(config.routing().cost(ContactChannel.EMAIL)).isEqualTo(10);
    assertThat(config.routing().retention()).isEqualTo(Duration.ofDays(30));
    assertThat(config.queues().get(0).skills()).containsEntry("billing", 5);
  }

  @Test
  void hoursAcceptDayListsFullNamesAndMidnightEnd() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(write("""
        queues:
          - id: night
            channels: [voice]
            hours:
              zone: UTC
              weekly:
                Monday: [22:00-24:00]
                sat, sun: ["00:00-06:00", "20:00-21:00"]
                tue-thu: []
        """)), Map.of());

    BusinessHoursSettings hours = config.queues().get(0).hours().orElseThrow();
    assertThat(hours.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(hours.weekly().get(DayOfWeek.MONDAY))
        .containsExactly(new OpenPeriodSettings(LocalTime.of(22, 0), LocalTime.MAX));
    assertThat(hours.weekly().get(DayOfWeek.SUNDAY)).hasSize(2);
    assertThat(hours.weekly().get(DayOfWeek.WEDNESDAY)).isEmpty();
    assertThat(hours.weekly()).doesNotContainKey(DayOfWeek.FRIDAY);
    assertThat(hours.holidays()).isEmpty();
  }

  static String documentedExample() throws IOException {
    String docs = Files.readString(DOCS);
    int marker = docs.indexOf("<!-- example: routing -->");
    assertThat(marker).as("docs/configuration.md has the routing example marker").isPositive();
    int start = docs.indexOf("```yaml\n", marker) + "```yaml\n".length();
    return docs.substring(start, docs.indexOf("```", start));
  }

  private static QueueSettings expectedSupportQueue() {
    Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1),
        LocalDate.of(2027, 5, 5));
    List<OpenPeriodSettings> weekday = List.of(new OpenPeriodSettings(LocalTime.of(9, 0), LocalTime.of(12, 0)),
        new OpenPeriodSettings(LocalTime.of(13, 0), LocalTime.of(18, 0)));
    Map<DayOfWeek, List<OpenPeriodSettings>> weekly = Map.of(DayOfWeek.MONDAY, weekday, DayOfWeek.TUESDAY, weekday,
        DayOfWeek.WEDNESDAY, weekday, DayOfWeek.THURSDAY, weekday, DayOfWeek.FRIDAY, weekday,
        DayOfWeek.SATURDAY, List.of(new OpenPeriodSettings(LocalTime.of(10, 0), LocalTime.of(14, 0))));
    return new QueueSettings("support", EnumSet.of(ContactChannel.VOICE, ContactChannel.CHAT, ContactChannel.EMAIL),
        Map.of("korean", 5, "tech", 3), Duration.ofSeconds(20), 0,
        List.of(new PriorityRuleSettings("tier", "gold", 100)),
        List.of(new EscalationSettings(Duration.ofSeconds(60), new EscalationSettings.RelaxSkill("tech", 1)),
            new EscalationSettings(Duration.ofMinutes(3), new EscalationSettings.AddQueueAgents("billing")),
            new EscalationSettings(Duration.ofMinutes(10), new EscalationSettings.Fallback("offer-callback"))),
        Optional.of(new MaxWaitSettings(Duration.ofMinutes(15), "offer-callback")),
        Optional.of(new BusinessHoursSettings(ZoneId.of("Asia/Seoul"), weekly, holidays, "leave-message")),
        Duration.ofSeconds(30), List.of("solved", "follow-up", "escalated"));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(directory.resolve("switchboard.yaml"), yaml);
  }
}
