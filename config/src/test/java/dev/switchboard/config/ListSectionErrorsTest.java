package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListSectionErrorsTest {

  @TempDir Path directory;

  @Test
  void suggestsTheFieldMeantByAnUnknownOne() throws IOException {
    ConfigException error = failure("""
        queues:
          - id: support
            channels: [voice]
          - id: billing
            channels: [email]
            servce-level: 30s
        agents:
          - id: kim
            skils: {billing: 5}
            colour: blue
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": agents[0].skils: unknown key; did you mean 'skills'? (line 9)",
        file() + ": agents[0].colour: unknown key; known keys are id, name, skills, capacity, channels, "
            + "phone-device, max-per-channel, role, password (line 10)",
        file() + ": queues[1].servce-level: unknown key; did you mean 'service-level'? (line 6)");
  }

  @Test
  void explainsWrongTypesAndShapes() throws IOException {
    ConfigException error = failure("""
        agents:
          - id: kim
            capacity: lots
            channels: voice
            skills: [billing]
          - just-a-name
        queues:
          id: support
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": agents[0].skills: expected a mapping such as {billing: 7, korean: 10}, got a list (line 5)",
        file() + ": agents[0].capacity: expected an integer from 1 to 10000, got 'lots' (line 3)",
        file() + ": agents[0].channels: expected a list such as [voice, chat], got 'voice' (line 4)",
        file() + ": agents[1]: expected a mapping with keys id, name, skills, capacity, channels, phone-device, "
            + "max-per-channel, role, password, got 'just-a-name' (line 6)",
        file() + ": queues: expected a list such as [{id: support, channels: [voice]}], got a mapping (line 8)");
  }

  @Test
  void rejectsValuesOutOfRange() throws IOException {
    ConfigException error = failure("""
        agents:
          - id: kim
            skills: {billing: 11}
            capacity: 0
            max-per-channel: {chat: 0}
        queues:
          - id: support
            channels: [voice, fax]
            priority: 501
            service-level: 0s
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": agents[0].skills.billing: expected an integer from 1 to 10, got '11' (line 3)",
        file() + ": agents[0].capacity: expected an integer from 1 to 10000, got '0' (line 4)",
        file() + ": agents[0].max-per-channel.chat: expected an integer from 1 to 1000, got '0' (line 5)",
        file() + ": queues[0].channels[1]: expected one of voice, chat, email, callback, got 'fax' (line 8)",
        file() + ": queues[0].service-level: expected a duration from 1s to 1h (a number with ms, s, m, h or d), "
            + "got '0s' (line 10)",
        file() + ": queues[0].priority: expected an integer from 0 to 500, got '501' (line 9)");
  }

  @Test
  void suggestsTheChannelMeantByAMisspeltOne() throws IOException {
    ConfigException error = failure("agents:\n  - id: kim\n    channels: [vocie, chat]\n");

    assertThat(error.problems()).containsExactly(file() + ": agents[0].channels[0]: expected one of voice, chat, "
        + "email, callback, got 'vocie'; did you mean 'voice'? (line 3)");
  }

  @Test
  void requiresIdsAndQueueChannels() throws IOException {
    ConfigException error = failure("""
        agents:
          - name: Nameless
        queues:
          - id: support
          - id: chat
            channels: []
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": agents[0].id: required but not set; give each agent a unique id, e.g. id: kim.minji (line 2)",
        file() + ": queues[0].channels: required but not set; list the channels the queue takes, "
            + "e.g. channels: [voice, callback] (line 4)",
        file() + ": queues[1].channels: no channel; list at least one of voice, chat, email, callback (line 6)");
  }

  @Test
  void rejectsDuplicateAndMalformedIds() throws IOException {
    ConfigException error = failure("""
        agents:
          - id: kim
          - id: Kim Minji
          - id: kim
        queues:
          - id: support
            channels: [chat]
          - id: support
            channels: [email]
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": agents[1].id: expected an agent id of 1 to 64 characters of a-z, 0-9, '.', '_' and '-', "
            + "got 'Kim Minji' (line 3)",
        file() + ": agents[2].id: duplicate agent id 'kim', first used by agents[0] (line 2); "
            + "give each agent a unique id (line 4)",
        file() + ": queues[1].id: duplicate queue id 'support', first used by queues[0] (line 6); "
            + "give each queue a unique id (line 8)");
  }

  @Test
  void anEscalationStepHasExactlyOneAction() throws IOException {
    ConfigException error = failure("""
        queues:
          - id: support
            channels: [voice]
            escalations:
              - after: 60s
                raise-priority: 10
                fallback: offer-callback
              - after: 2m
              - raise-priority: 5
              - after: 1h
                raise-priority: 0
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": queues[0].escalations[0]: 2 actions (raise-priority, fallback); a step does one thing: write one "
            + "step per action, with the same after if they should happen together (line 5)",
        file() + ": queues[0].escalations[1]: no action; add exactly one of relax-skill, add-queue-agents, "
            + "raise-priority, fallback (line 8)",
        file() + ": queues[0].escalations[2].after: required but not set; write how long a contact waits first, "
            + "e.g. after: 60s (line 9)",
        file() + ": queues[0].escalations[3].raise-priority: expected an integer from 1 to 500, got '0' (line 11)");
  }

  @Test
  void checksBusinessHours() throws IOException {
    ConfigException error = failure("""
        queues:
          - id: support
            channels: [voice]
            hours:
              zone: Seoul
              weekly:
                mon-fri: ["18:00-09:00"]
                sat-mon: ["10:00-14:00"]
                wen: ["09:00-18:00"]
                fri: ["09:00-12:00"]
                sun: ["9-12", "10:00-11:00", "10:30-12:00"]
              holidays: [2026-13-01]
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": queues[0].hours.zone: expected an IANA time zone such as Asia/Seoul, Europe/Berlin or UTC, "
            + "got 'Seoul' (line 5)",
        file() + ": queues[0].hours.weekly.mon-fri[0]: opening period '18:00-09:00' ends before it starts; for hours "
            + "past midnight write two periods, e.g. 18:00-24:00 on one day and 00:00-09:00 on the next (line 7)",
        file() + ": queues[0].hours.weekly.sat-mon: day range 'sat-mon' runs backwards; ranges go from mon to sun, "
            + "so write e.g. sat-sun, mon-mon (line 8)",
        file() + ": queues[0].hours.weekly.wen: expected a day (mon, tue, wed, thu, fri, sat, sun), a range such as "
            + "mon-fri, or several separated by commas, got 'wen'; did you mean 'wed'? (line 9)",
        file() + ": queues[0].hours.weekly.sun[0]: expected an opening period HH:MM-HH:MM such as 09:00-18:00 "
            + "(24:00 ends at midnight), got '9-12' (line 11)",
        file() + ": queues[0].hours.holidays[0]: expected an ISO date such as 2026-12-25, got '2026-13-01' (line 12)");
  }

  @Test
  void rejectsADayGivenTwiceAndOverlappingPeriods() throws IOException {
    ConfigException error = failure("""
        queues:
          - id: support
            channels: [voice]
            hours:
              zone: Asia/Seoul
              weekly:
                mon-fri: ["09:00-18:00"]
                fri: ["09:00-12:00", "11:00-13:00"]
                wed: ["10:00-11:00"]
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": queues[0].hours.weekly.fri: periods 09:00-12:00 and 11:00-13:00 overlap; merge them into one "
            + "(line 8)",
        file() + ": queues[0].hours.weekly.wed: wed is already set by 'mon-fri' (line 7); give each day its hours "
            + "once (line 9)");
  }

  @Test
  void rejectsSkillsOutsideTheCatalogue() throws IOException {
    ConfigException error = failure("""
        routing:
          skills: [korean, billing, tech]
        queues:
          - id: support
            channels: [voice]
            skills: {korean: 5, biling: 3, sales: 2}
            escalations:
              - after: 30s
                relax-skill: {skill: tech, level: 1}
              - after: 60s
                relax-skill: {skill: korean, level: 6}
        agents:
          - id: kim
            skills: {korean: 9, marketing: 4}
        """);

    String known = " add it to routing.skills or fix the name (known: korean, billing, tech)";
    assertThat(error.problems()).containsExactly(
        file() + ": agents[0].skills.marketing: unknown skill 'marketing';" + known + " (line 14)",
        file() + ": queues[0].skills.biling: unknown skill 'biling'; did you mean 'billing'?" + known + " (line 6)",
        file() + ": queues[0].skills.sales: unknown skill 'sales';" + known + " (line 6)",
        file() + ": queues[0].escalations[0].relax-skill.skill: the queue does not require skill 'tech'; relax one "
            + "of its skills (korean) (line 9)",
        file() + ": queues[0].escalations[1].relax-skill.level: level 6 does not relax the required level 5 of "
            + "'korean'; use a level below 5 (line 11)");
  }

  @Test
  void anySkillNameIsAcceptedWithoutACatalogue() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(Files.writeString(file(),
        "queues:\n  - id: support\n    channels: [voice]\n    skills: {anything: 3}\n")), Map.of());

    assertThat(config.queues().get(0).skills()).containsEntry("anything", 3);
  }

  @Test
  void rejectsReferencesToUnknownQueues() throws IOException {
    ConfigException error = failure("""
        queues:
          - id: support
            channels: [voice]
            escalations:
              - after: 30s
                add-queue-agents: biling
              - after: 60s
                add-queue-agents: support
          - id: billing
            channels: [email]
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": queues[0].escalations[0].add-queue-agents: unknown queue 'biling'; did you mean 'billing'? name a "
            + "queue of the queues: list (known: billing, support) (line 6)",
        file() + ": queues[0].escalations[1].add-queue-agents: a queue cannot add its own agents; name another queue "
            + "(line 8)");
  }

  @Test
  void rejectsLiteralAgentPasswordWithoutRepeatingIt() throws IOException {
    ConfigException error = failure("""
        agents:
          - id: kim
            password: hunter2-agent
          - id: lee
            password: env:LEE_PASSWORD
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": agents[0].password: a secret cannot be written in the file; write env:NAME instead and put the "
            + "secret in environment variable NAME (line 3)",
        file() + ": agents[1].password: environment variable LEE_PASSWORD is not set; export it before starting "
            + "Switchboard (line 5)");
    assertThat(error.getMessage()).doesNotContain("hunter2-agent");
  }

  @Test
  void rejectsMaxWaitAndRulesMissingParts() throws IOException {
    ConfigException error = failure("""
        queues:
          - id: support
            channels: [voice]
            max-wait: {after: 10m}
            priority-rules:
              - {attribute: tier, priority: 100}
            dispositions: [solved, solved, "no good"]
        agents:
          - id: kim
            channels: [voice]
            max-per-channel: {chat: 2}
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": agents[0].max-per-channel.chat: the agent does not take chat contacts; remove this cap or add "
            + "chat to channels (line 11)",
        file() + ": queues[0].priority-rules[0].value: required but not set; give the value to match, e.g. value: gold "
            + "(line 6)",
        file() + ": queues[0].max-wait.fallback: required but not set; write what the channel does then, "
            + "e.g. fallback: offer-callback (line 4)",
        file() + ": queues[0].dispositions[1]: 'solved' is listed twice; keep one (line 7)",
        file() + ": queues[0].dispositions[2]: expected a code of 1 to 32 letters, digits, '_' and '-', starting "
            + "with a letter or digit, got 'no good' (line 7)");
  }

  @Test
  void listsCannotComeFromTheEnvironment() {
    ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
        Map.of("SWITCHBOARD_AGENTS", "kim,lee", "SWITCHBOARD_QUEUES_0_ID", "support")));

    assertThat(error.problems()).containsExactly(
        "SWITCHBOARD_AGENTS: unknown variable; agents is a list of mappings and can only be set in the "
            + "configuration file (agents: in the YAML file): unset the variable and edit the file",
        "SWITCHBOARD_QUEUES_0_ID: unknown variable; queues is a list of mappings and can only be set in the "
            + "configuration file (queues: in the YAML file): unset the variable and edit the file");
  }

  @Test
  void badRoutingScalarsAreReported() throws IOException {
    ConfigException error = failure("""
        routing:
          offer-timeout: 0s
          backlog-size: 100001
          skills: [korean, Korean, korean]
          reason-codes: [break, [lunch]]
          costs:
            voice: 0
            vidéo: 10
        """, Map.of("SWITCHBOARD_ROUTING_SKILLS", "korean,,tech"));

    assertThat(error.problems()).containsExactly(
        file() + ": routing.reason-codes: expected a list of names, got a list as an item (line 5)",
        file() + ": routing.costs.vidéo: unknown key; known keys are listed in docs/configuration.md (line 8)",
        file() + ": routing.offer-timeout: expected a duration from 1s to 10m (a number with ms, s, m, h or d), "
            + "got '0s' (line 2)",
        file() + ": routing.backlog-size: expected an integer from 1 to 100000, got '100001' (line 3)",
        "SWITCHBOARD_ROUTING_SKILLS: routing.skills: expected a YAML list, or names separated by commas; each a skill "
            + "name of 1 to 32 characters of a-z, 0-9, '_' and '-', starting with a letter or digit, got an empty "
            + "name in 'korean,,tech'; remove the extra comma",
        file() + ": routing.costs.voice: expected an integer from 1 to 10000, got '0' (line 7)");
  }

  @Test
  void aDuplicateNameInAFileListIsReported() throws IOException {
    ConfigException error = failure("routing:\n  skills: [korean, tech, korean]\n");

    assertThat(error.problems()).containsExactly(file() + ": routing.skills: 'korean' is listed twice; keep one (line 2)");
  }

  private ConfigException failure(String yaml) throws IOException {
    return failure(yaml, Map.of());
  }

  private ConfigException failure(String yaml, Map<String, String> environment) throws IOException {
    Path file = Files.writeString(file(), yaml);
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), environment));
  }

  private Path file() {
    return directory.resolve("switchboard.yaml");
  }
}
