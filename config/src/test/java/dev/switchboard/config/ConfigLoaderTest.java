package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path directory;

  @Test
  void usesDefaultsWithoutFileOrEnvironment() {
    SwitchboardConfig config = ConfigLoader.load(Optional.empty(), Map.of());

    assertThat(config.server()).isEqualTo(
        new ServerSettings("0.0.0.0", 8080, 1024 * 1024, 1024L * 1024 * 1024, Duration.ofSeconds(10)));
    assertThat(config.redis()).isEqualTo(new RedisSettings(Optional.empty(), Optional.empty(), "main",
        Path.of("./data"), Duration.ofSeconds(2), Duration.ofSeconds(10)));
    assertThat(config.redis().embedded()).isTrue();
    assertThat(config.directory()).isEqualTo(new DirectorySettings("KR", 1000));
    assertThat(config.source()).isEmpty();
  }

  @Test
  void readsEveryKeyFromTheFile() throws IOException {
    Path file = write("""
        server:
          host: 127.0.0.1
          port: 9090
          body-limit: 512KiB
          import-limit: 2GiB
          shutdown-grace: 500ms
        redis:
          uri: rediss://cache.example:6380/1
          password: env:REDIS_SECRET
          center: seoul-2
          data-dir: /var/lib/switchboard
          command-timeout: 2m
          connect-timeout: 3m
        directory:
          default-region: us
          timeline-limit: 50
        """);

    SwitchboardConfig config = ConfigLoader.load(Optional.of(file), Map.of("REDIS_SECRET", "hunter2"));

    assertThat(config.server()).isEqualTo(new ServerSettings(
        "127.0.0.1", 9090, 512 * 1024, 2L * 1024 * 1024 * 1024, Duration.ofMillis(500)));
    assertThat(config.redis()).isEqualTo(new RedisSettings(Optional.of("rediss://cache.example:6380/1"),
        Optional.of(new Secret("REDIS_SECRET", "hunter2")), "seoul-2", Path.of("/var/lib/switchboard"),
        Duration.ofMinutes(2), Duration.ofMinutes(3)));
    assertThat(config.directory()).isEqualTo(new DirectorySettings("US", 50));
    assertThat(config.source()).contains(file);
  }

  @Test
  void environmentBeatsFile() throws IOException {
    Path file = write("server:\n  port: 9090\n  host: 10.0.0.1\nredis:\n  center: from-file\n");

    SwitchboardConfig config = ConfigLoader.load(Optional.of(file), Map.of(
        "SWITCHBOARD_SERVER_PORT", "7070",
        "SWITCHBOARD_SERVER_BODY_LIMIT", "2MiB",
        "SWITCHBOARD_REDIS_CENTER", "from-env"));

    assertThat(config.server().port()).isEqualTo(7070);
    assertThat(config.server().host()).isEqualTo("10.0.0.1");
    assertThat(config.server().bodyLimitBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(config.redis().center()).isEqualTo("from-env");
  }

  @Test
  void emptyVariableUnsetsTheFileValue() throws IOException {
    Path file = write("redis:\n  uri: redis://cache.example:6379\n");

    SwitchboardConfig config = ConfigLoader.load(Optional.of(file), Map.of("SWITCHBOARD_REDIS_URI", ""));

    assertThat(config.redis().uri()).isEmpty();
  }

  @Test
  void emptyOrNullValuesInTheFileMeanDefault() throws IOException {
    Path file = write("server:\n  port:\n  host: ''\nredis:\ndirectory: ~\n");

    SwitchboardConfig config = ConfigLoader.load(Optional.of(file), Map.of());

    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
  }

  @Test
  void acceptsDottedKeysAndQuotedNumbers() throws IOException {
    Path file = write("server.port: '9191'\nredis.center: east\n");

    SwitchboardConfig config = ConfigLoader.load(Optional.of(file), Map.of());

    assertThat(config.server().port()).isEqualTo(9191);
    assertThat(config.redis().center()).isEqualTo("east");
  }

  @Test
  void emptyFileMeansDefaults() throws IOException {
    Path file = write("# nothing set yet\n");

    assertThat(ConfigLoader.load(Optional.of(file), Map.of()).server().port()).isEqualTo(8080);
  }

  @Test
  void secretComesFromItsOwnVariable() {
    SwitchboardConfig config =
        ConfigLoader.load(Optional.empty(), Map.of("SWITCHBOARD_REDIS_PASSWORD", "s3cret-value"));

    assertThat(config.redis().password()).contains(new Secret("SWITCHBOARD_REDIS_PASSWORD", "s3cret-value"));
  }

  @Test
  void trimsValuesButNotSecrets() {
    SwitchboardConfig config = ConfigLoader.load(Optional.empty(), Map.of(
        "SWITCHBOARD_SERVER_PORT", " 9000 ", "SWITCHBOARD_REDIS_PASSWORD", " spaced "));

    assertThat(config.server().port()).isEqualTo(9000);
    assertThat(config.redis().password().orElseThrow().value()).isEqualTo(" spaced ");
  }

  @Test
  void ignoresLauncherAndForeignVariables() {
    SwitchboardConfig config = ConfigLoader.load(Optional.empty(), Map.of(
        "SWITCHBOARD_CONFIG", "/etc/switchboard.yaml",
        "SWITCHBOARD_JAVA_OPTS", "-Xmx1g",
        "SWITCHBOARD_BENCH_JAVA_OPTS", "-Xmx2g",
        "PATH", "/usr/bin",
        "switchboard_server_port", "1"));

    assertThat(config.server().port()).isEqualTo(8080);
  }

  @Test
  void toStringNeverShowsTheSecret() throws IOException {
    Path file = write("redis:\n  uri: redis://app@cache.example:6379\n  password: env:REDIS_SECRET\n");

    SwitchboardConfig config = ConfigLoader.load(Optional.of(file), Map.of("REDIS_SECRET", "hunter2-xyz"));

    assertThat(config.redis().password().orElseThrow().value()).isEqualTo("hunter2-xyz");
    assertThat(config.toString()).doesNotContain("hunter2-xyz").contains("env:REDIS_SECRET");
    assertThat(config.redis().toString()).doesNotContain("hunter2-xyz");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(directory.resolve("config.yaml"), yaml);
  }
}
