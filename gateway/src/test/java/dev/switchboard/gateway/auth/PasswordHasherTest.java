package dev.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(null, PasswordHasher.MIN_ITERATIONS);

  @Test
  void hashedPasswordMatchesItselfOnly() {
    String encoded = hasher.hashNow("correct horse battery");

    assertThat(PasswordHasher.matchesNow("correct horse battery", encoded)).isTrue();
    assertThat(PasswordHasher.matchesNow("correct horse batterY", encoded)).isFalse();
    assertThat(PasswordHasher.matchesNow("", encoded)).isFalse();
  }

  @Test
  void encodingNamesSchemeIterationsSaltAndHash() {
    String encoded = hasher.hashNow("correct horse battery");

    assertThat(encoded).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    EncodedPassword parsed = EncodedPassword.parse(encoded);
    assertThat(parsed.salt()).hasSize(16);
    assertThat(parsed.hash()).hasSize(32);
    assertThat(parsed.encoded()).isEqualTo(encoded);
    assertThat(parsed.toString()).doesNotContain(encoded.split("\\$")[3]);
  }

  @Test
  void samePasswordGetsAFreshSaltEachTime() {
    assertThat(hasher.hashNow("correct horse battery")).isNotEqualTo(hasher.hashNow("correct horse battery"));
  }

  @Test
  void verificationUsesTheIterationsTheEncodingNames() {
    String encoded = new PasswordHasher(null, 250_000).hashNow("another long secret");

    assertThat(encoded).startsWith("pbkdf2-sha256$250000$");
    assertThat(PasswordHasher.matchesNow("another long secret", encoded)).isTrue();
  }

  @Test
  void fewerThanTheMinimumIterationsAreRefused() {
    assertThatThrownBy(() -> new PasswordHasher(null, 100_000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("210000");
  }

  @Test
  void decoyNeverMatchesButCostsAVerification() {
    assertThat(PasswordHasher.matchesNow("anything at all", PasswordHasher.DECOY)).isFalse();
    assertThat(EncodedPassword.parse(PasswordHasher.DECOY).iterations()).isEqualTo(PasswordHasher.MIN_ITERATIONS);
  }

  @Test
  void malformedEncodingsSayWhatIsWrong() {
    assertThatThrownBy(() -> EncodedPassword.parse("bcrypt$10$abc$def"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bcrypt");
    assertThatThrownBy(() -> EncodedPassword.parse("pbkdf2-sha256$many$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
        .hasMessageContaining("iterations 'many'");
    assertThatThrownBy(() -> EncodedPassword.parse("pbkdf2-sha256$1000$%%%$aGFzaGhhc2hoYXNoaGFzaA"))
        .hasMessageContaining("salt is not valid base64");
    assertThatThrownBy(() -> EncodedPassword.parse("pbkdf2-sha256$1000$c2FsdHNhbHQ"))
        .hasMessageContaining("found 3 parts");
    assertThatThrownBy(() -> EncodedPassword.parse("pbkdf2-sha256$0$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> PasswordHasher.matchesNow("x", null)).hasMessageContaining("missing");
  }

  @Test
  void policyAcceptsTenToOneHundredTwentyEightCharacters() {
    assertThat(PasswordPolicy.check("0123456789")).isEqualTo("0123456789");
    assertThat(PasswordPolicy.check("x".repeat(128))).hasSize(128);
    assertThat(PasswordPolicy.check("비밀번호비밀번호비밀번")).hasSize(11);
  }

  @Test
  void policyRefusesShortLongBlankAndMissingWithoutEchoingThem() {
    assertThatThrownBy(() -> PasswordPolicy.check("secret123"))
        .hasMessageContaining("10 to 128").hasMessageContaining("got 9").hasMessageNotContaining("secret123");
    assertThatThrownBy(() -> PasswordPolicy.check("y".repeat(129))).hasMessageContaining("got 129");
    assertThatThrownBy(() -> PasswordPolicy.check(" ".repeat(12))).hasMessageContaining("only spaces");
    assertThatThrownBy(() -> PasswordPolicy.check(null)).hasMessageContaining("required");
  }
}
