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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderErrorsTest {

  @TempDir Path directory;

  @Test
  void reportsBrokenYamlWithLineAndColumn() throws IOException {
    ConfigException error = failure("server:\n  port: 8080\n   host: [unclosed\n", Map.of());

    assertThat(error.problems()).singleElement().asString()
        .startsWith(file() + ": line 3, column ")
        .contains("invalid YAML: ");
  }

  @Test
  void rejectsTopLevelThatIsNotAMapping() throws IOException {
    ConfigException error = failure("- server\n- redis\n", Map.of());

    assertThat(error.getMessage())
        .contains(file() + ": the top level must be a mapping of sections (server:, redis:, directory:, routing:, phone:, chat:, agents:, queues:), got a list");
  }

  @Test
  void suggestsTheKeyMeantByAnUnknownOne() throws IOException {
    ConfigException error = failure("server:\n  prot: 8080\nredis:\n  centre: main\n", Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": server.prot: unknown key; did you mean 'server.port'? (line 2)",
        file() + ": redis.centre: unknown key; did you mean 'redis.center'? (line 4)");
  }

  @Test
  void suggestsTheSectionMeantByAnUnknownOne() throws IOException {
    ConfigException error = failure("sever:\n  port: 8080\nport: 6379\nmetrics: on\n", Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": sever: unknown key; did you mean 'server'? (line 1)",
        file() + ": port: unknown key; did you mean 'server.port'? (line 3)",
        file() + ": metrics: unknown key; known keys are listed in docs/configuration.md (line 4)");
  }

  @Test
  void explainsWrongType() throws IOException {
    ConfigException error = failure("server:\n  port: abc\n", Map.of());

    assertThat(error.getMessage()).isEqualTo("Invalid configuration (1 problem):\n  "
        + file() + ": server.port: expected an integer from 1 to 65535, got 'abc' (line 2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "70000", "-1", "99999999999999999"})
  void rejectsPortOutOfRange(String port) throws IOException {
    ConfigException error = failure("server:\n  port: " + port + "\n", Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": server.port: expected an integer from 1 to 65535, got '" + port + "' (line 2)");
  }

  @Test
  void rejectsMappingOrListWhereAValueBelongs() throws IOException {
    ConfigException error = failure("server:\n  port:\n    value: 1\n  host: [a, b]\nredis: main\n", Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": server.port: expected an integer from 1 to 65535, got a mapping (line 3)",
        file() + ": server.host: expected a host name or IP address without spaces, got a list (line 4)",
        file() + ": redis: expected a mapping with keys uri, password, center, data-dir, command-timeout, "
            + "connect-timeout, got 'main' (line 5)");
  }

  @Test
  void explainsBadSizesAndDurations() throws IOException {
    ConfigException error = failure("""
        server:
          body-limit: 1MB
          import-limit: lots
          shutdown-grace: 10
        redis:
          command-timeout: 5 minutes
        """, Map.of());

    assertThat(error.problems()).hasSize(4);
    assertThat(error.problems().get(0)).contains("server.body-limit: expected a size from 1KiB to 1GiB")
        .contains("got '1MB'; sizes use powers of 1024: write MiB");
    assertThat(error.problems().get(1)).contains("server.import-limit: expected a size").contains("got 'lots'");
    assertThat(error.problems().get(2)).contains("server.shutdown-grace: expected a duration from 0s to 10m")
        .contains("got '10' without a unit; write 10s or 10ms");
    assertThat(error.problems().get(3)).contains("redis.command-timeout: expected a duration").contains("got '5 minutes'");
  }

  @Test
  void rejectsLiteralSecretWithoutRepeatingIt() throws IOException {
    ConfigException error = failure("redis:\n  password: hunter2-literal\n", Map.of());

    assertThat(error.problems()).containsExactly(file() + ": redis.password: a secret cannot be written in the file; "
        + "write env:NAME instead and put the secret in environment variable NAME (line 2)");
    assertThat(error.getMessage()).doesNotContain("hunter2-literal");
  }

  @Test
  void namesTheMissingSecretVariable() throws IOException {
    ConfigException error = failure("redis:\n  password: env:REDIS_SECRET\n", Map.of("OTHER", "x"));

    assertThat(error.problems()).containsExactly(file() + ": redis.password: environment variable REDIS_SECRET "
        + "is not set; export it before starting Switchboard (line 2)");
  }

  @Test
  void rejectsRedisUriWithPasswordOrWrongScheme() throws IOException {
    ConfigException withPassword = failure("redis:\n  uri: redis://app:hunter2-uri@cache:6379\n", Map.of());
    ConfigException wrongScheme = failure("redis:\n  uri: http://cache:6379\n", Map.of());

    assertThat(withPassword.getMessage()).contains("redis.uri: the URI contains a password")
        .doesNotContain("hunter2-uri");
    assertThat(wrongScheme.getMessage()).contains("redis.uri: expected a URI starting with redis:// or rediss://")
        .contains("got 'http://'");
  }

  @Test
  void rejectsUnknownRegionAndBadCenterName() throws IOException {
    ConfigException error = failure("redis:\n  center: Main_1\ndirectory:\n  default-region: XX\n", Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": redis.center: expected 1 to 32 characters of a-z, 0-9 and '-', starting with a letter or digit, "
            + "got 'Main_1' (line 2)",
        file() + ": directory.default-region: expected a two-letter ISO 3166 region code such as KR, US or DE, "
            + "got 'XX' (line 4)");
  }

  @Test
  void rejectsKeySetTwice() throws IOException {
    ConfigException error = failure("server:\n  port: 1\nserver.port: 2\n", Map.of());

    assertThat(error.problems()).containsExactly(file() + ": server.port: set twice (first on line 2); keep one (line 3)");
  }

  @Test
  void rejectsSectionWrittenTwice() throws IOException {
    ConfigException error = failure("server:\n  port: 1\nredis:\n  center: a\nserver:\n  host: b\n", Map.of());

    assertThat(error.problems()).containsExactly(file() + ": server: set twice (first on line 1); keep one (line 5)");
  }

  @Test
  void reportsMissingFile() {
    Path missing = directory.resolve("absent.yaml");

    ConfigException error = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(Optional.of(missing), Map.of()));

    assertThat(error.problems()).containsExactly(
        missing + ": file not found; check the path given with --config or SWITCHBOARD_CONFIG");
  }

  @Test
  void rejectsUnknownSwitchboardVariableWithSuggestion() {
    ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
        Map.of("SWITCHBOARD_SERVER_PROT", "80", "SWITCHBOARD_WHATEVER", "1")));

    assertThat(error.problems()).containsExactly(
        "SWITCHBOARD_SERVER_PROT: unknown variable; did you mean SWITCHBOARD_SERVER_PORT?",
        "SWITCHBOARD_WHATEVER: unknown variable; no setting has this name (see docs/configuration.md): "
            + "fix its name or unset it");
  }

  @Test
  void badEnvironmentValueNamesTheVariable() {
    ConfigException error = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(Optional.empty(), Map.of("SWITCHBOARD_DIRECTORY_TIMELINE_LIMIT", "5")));

    assertThat(error.problems()).containsExactly("SWITCHBOARD_DIRECTORY_TIMELINE_LIMIT: directory.timeline-limit: "
        + "expected an integer from 10 to 100000, got '5'");
  }

  @Test
  void reportsEveryProblemAtOnce() throws IOException {
    ConfigException error = failure("""
        server:
          prot: 8080
          port: 0
          body-limit: huge
        redis:
          password: plain
        """, Map.of("SWITCHBOARD_REDIS_CENTRE", "x", "SWITCHBOARD_SERVER_SHUTDOWN_GRACE", "forever"));

    assertThat(error.problems()).hasSize(6);
    assertThat(error.getMessage()).startsWith("Invalid configuration (6 problems):\n  ")
        .contains("server.prot: unknown key", "server.port: expected an integer", "server.body-limit: expected a size",
            "redis.password: a secret cannot be written", "SWITCHBOARD_REDIS_CENTRE: unknown variable",
            "SWITCHBOARD_SERVER_SHUTDOWN_GRACE: server.shutdown-grace: expected a duration");
  }

  @Test
  void reportsRequiredKeyThatIsNotSet() {
    ConfigSchema schema = new ConfigSchema(java.util.List.of(
        ConfigKey.required("phone.ami.host", TextType.word("host", "a host name"), "AMI host.")));
    ProblemList problems = new ProblemList();

    new Resolution(schema, Map.of(), "config.yaml", problems).resolve(Map.of());

    ConfigException error = catchThrowableOfType(ConfigException.class, problems::throwIfAny);
    assertThat(error.problems()).containsExactly(
        "config.yaml: phone.ami.host: required but not set; add it to the file or set SWITCHBOARD_PHONE_AMI_HOST");
  }

  private ConfigException failure(String yaml, Map<String, String> environment) throws IOException {
    Path file = Files.writeString(file(), yaml);
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), environment));
  }

  private Path file() {
    return directory.resolve("config.yaml");
  }
}
