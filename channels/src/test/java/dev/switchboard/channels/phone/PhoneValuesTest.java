package dev.switchboard.channels.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneValuesTest {

  @Test
  void amiSettingsNeverShowTheSecret() {
    AmiSettings settings = AmiSettings.of("pbx1", 5038, "cti", "hunter2");
    assertThat(settings.toString()).doesNotContain("hunter2").contains("cti", "pbx1");
  }

  @Test
  void amiSettingsNameTheConfigKeyThatIsWrong() {
    assertThatThrownBy(() -> AmiSettings.of(" ", 5038, "cti", "x")).hasMessageContaining("phone.ami.host");
    assertThatThrownBy(() -> AmiSettings.of("pbx1", 0, "cti", "x")).hasMessageContaining("phone.ami.port");
    assertThatThrownBy(() -> AmiSettings.of("pbx1", 5038, "", "x")).hasMessageContaining("phone.ami.username");
    assertThatThrownBy(() -> AmiSettings.of("pbx1", 5038, "cti", "x")
        .withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(1))).hasMessageContaining("phone.ami.reconnect-max");
  }

  @Test
  void incomingCallAcceptsOnlyE164CallerIds() {
    CallRef call = new CallRef("1.1", "PJSIP/trunk-00000001");
    assertThat(new IncomingCall(call, Optional.of("+4930123456"), "030123456", "support", Instant.EPOCH)
        .isUnknownCaller()).isFalse();
    assertThatThrownBy(() -> new IncomingCall(call, Optional.of("030123456"), "", "support", Instant.EPOCH))
        .hasMessageContaining("E.164");
    assertThatThrownBy(() -> new IncomingCall(call, Optional.empty(), "", " ", Instant.EPOCH))
        .hasMessageContaining("queue");
  }

  @Test
  void originateRequestChecksTheEndpoint() {
    assertThatThrownBy(() -> new OriginateRequest("1001", "ctx", "s", Optional.empty(), Duration.ofSeconds(20),
        Map.of())).hasMessageContaining("TECH/resource");
  }

  @Test
  void queuedContactIdMustBeOneWord() {
    assertThatThrownBy(() -> new IntakeDecision.Queued("a\"b")).hasMessageContaining("contactId");
  }
}
