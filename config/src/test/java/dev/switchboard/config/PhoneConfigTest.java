package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneConfigTest {

  @TempDir Path directory;

  @Test
  void noPhoneSectionMeansNoPhoneChannel() throws IOException {
    SwitchboardConfig config = load("server: {port: 8080}\n", Map.of());

    assertThat(config.phone()).isEmpty();
  }

  @Test
  void readsThePbxsWithDefaultsAndTheSecretFromTheEnvironment() throws IOException {
    SwitchboardConfig config = load("""
        phone:
          agi:
            bind-address: 127.0.0.1
            port: 4600
          calls:
            holding-context: cc-hold
          pbxs:
            - id: pbx1
              host: 10.0.0.5
              username: switchboard
              secret: env:AMI_SECRET
            - id: pbx2
              host: 10.0.0.6
              port: 5039
              username: cti
              secret: env:AMI_SECRET_2
              agi-port: 4601
              reconnect-max: 2m
        """, Map.of("AMI_SECRET", "s3cret", "AMI_SECRET_2", "other", "SWITCHBOARD_PHONE_AGI_INTAKE_TIMEOUT", "3s"));

    PhoneSection phone = config.phone().orElseThrow();
    assertThat(phone.agiBindAddress()).isEqualTo("127.0.0.1");
    assertThat(phone.intakeTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(phone.holdingContext()).isEqualTo("cc-hold");
    assertThat(phone.connectContext()).isEqualTo("switchboard-connect");
    assertThat(phone.pbxs()).hasSize(2);
    PbxSettings first = phone.pbxs().get(0);
    assertThat(first.port()).isEqualTo(5038);
    assertThat(first.agiPort()).isEqualTo(4600);
    assertThat(first.secret().value()).isEqualTo("s3cret");
    assertThat(first.toString()).doesNotContain("s3cret");
    PbxSettings second = phone.pbxs().get(1);
    assertThat(second.agiPort()).isEqualTo(4601);
    assertThat(second.reconnectMax()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void explainsBadPbxEntries() throws IOException {
    ConfigException error = failure("""
        phone:
          pbxs:
            - id: pbx1
              host: 10.0.0.5
              usename: switchboard
              secret: plain-text
            - id: pbx1
              host: 10.0.0.6
              username: cti
              secret: env:AMI_SECRET
            - id: pbx3
              host: 10.0.0.7
              username: cti
              secret: env:AMI_SECRET
              agi-port: 4573
              reconnect-min: 1m
              reconnect-max: 10s
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": phone.pbxs[0].usename: unknown key; did you mean 'username'? (line 5)",
        file() + ": phone.pbxs[0].username: required but not set; set the [user] section name of manager.conf, "
            + "e.g. username: switchboard (line 3)",
        file() + ": phone.pbxs[0].secret: a secret cannot be written in the file; write env:NAME instead and put the "
            + "secret in environment variable NAME (line 6)",
        file() + ": phone.pbxs[1].id: duplicate PBX id 'pbx1', first used by phone.pbxs[0] (line 3); give each PBX a "
            + "unique id (line 7)",
        file() + ": phone.pbxs[1].agi-port: required for every PBX after the first; give each PBX its own FastAGI "
            + "port, e.g. agi-port: 4574, and use it in that PBX's dialplan (line 7)",
        file() + ": phone.pbxs[2].agi-port: FastAGI port 4573 is already used by phone.pbxs[0]; give each PBX its own "
            + "agi-port (line 15)",
        file() + ": phone.pbxs[2].reconnect-max: reconnect-max 10s is shorter than reconnect-min 1m; make "
            + "reconnect-max the longer one (line 17)");
  }

  @Test
  void phoneSettingsWithoutAPbxAreAnError() throws IOException {
    ConfigException error = failure("""
        phone:
          agi:
            port: 4600
        """);

    assertThat(error.problems()).singleElement().asString()
        .startsWith(file() + ": phone.agi.port: is set but phone.pbxs lists no PBX, so the phone channel stays off; "
            + "add phone.pbxs: [{id: pbx1");
  }

  @Test
  void suggestsThePhoneKeyMeant() throws IOException {
    ConfigException error = failure("""
        phone:
          calls:
            holding-contex: hold
          pbx: []
        """);

    assertThat(error.problems()).containsExactly(
        file() + ": phone.calls.holding-contex: unknown key; did you mean 'phone.calls.holding-context'? (line 3)",
        file() + ": phone.pbx: unknown key; did you mean 'phone.pbxs'? (line 4)");
  }

  @Test
  void badContextNamesAreReported() throws IOException {
    ConfigException error = failure("""
        phone:
          calls:
            connect-context: "to agents"
          pbxs:
            - {id: pbx1, host: pbx, username: cti, secret: env:AMI_SECRET}
        """);

    assertThat(error.problems()).singleElement().asString()
        .contains("phone.calls.connect-context").contains("dialplan context name");
  }

  @Test
  void thePbxListCannotComeFromTheEnvironment() {
    ConfigException error = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(Optional.empty(), Map.of("SWITCHBOARD_PHONE_PBXS_0_HOST", "pbx")));

    assertThat(error.problems()).singleElement().asString().contains("phone.pbxs is a list of mappings");
  }

  private SwitchboardConfig load(String yaml, Map<String, String> environment) throws IOException {
    return ConfigLoader.load(Optional.of(Files.writeString(file(), yaml)), environment);
  }

  private ConfigException failure(String yaml) throws IOException {
    Path file = Files.writeString(file(), yaml);
    return catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(Optional.of(file), Map.of("AMI_SECRET", "x")));
  }

  private Path file() {
    return directory.resolve("switchboard.yaml");
  }
}
