package dev.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.internal.IdPatterns;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthValuesTest {

  @Test
  void rolesIncludeTheLowerOnes() {
    assertThat(Role.ADMIN.includes(Role.SUPERVISOR)).isTrue();
    assertThat(Role.ADMIN.includes(Role.AGENT)).isTrue();
    assertThat(Role.SUPERVISOR.includes(Role.AGENT)).isTrue();
    assertThat(Role.SUPERVISOR.includes(Role.ADMIN)).isFalse();
    assertThat(Role.AGENT.includes(Role.SUPERVISOR)).isFalse();
    assertThat(Role.named("Supervisor")).isEqualTo(Role.SUPERVISOR);
    assertThatThrownBy(() -> Role.named("root")).hasMessageContaining("'root'").hasMessageContaining("agent");
  }

  @Test
  void accountIdsFollowTheAgentIdRules() {
    assertThat(new AccountId("kim.minji_2-b").value()).isEqualTo("kim.minji_2-b");
    assertThat(AccountId.isValid("a".repeat(64))).isTrue();
    assertThat(AccountId.isValid("a".repeat(65))).isFalse();
    assertThat(AccountId.isValid("Kim")).isFalse();
    assertThat(AccountId.isValid("")).isFalse();
    assertThat(AccountId.isValid("a:b")).isFalse();
    assertThatThrownBy(() -> new AccountId("has space")).hasMessageContaining("'has space'")
        .hasMessageContaining("1 to 64");
    IdPatterns.agrees("[a-z0-9._-]{1,64}", AccountId::isValid);
  }

  @Test
  void accountNeverShowsItsHashAndDisabledGrantsNothing() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Account account = new Account(new AccountId("lee"), " Lee ", Role.SUPERVISOR, "pbkdf2-sha256$1$secret$hash",
        false, now, now);

    assertThat(account.displayName()).isEqualTo("Lee");
    assertThat(account.toString()).doesNotContain("secret").contains("lee");
    assertThat(account.grants(Role.AGENT)).isTrue();
    assertThat(account.withDetails("Lee", Role.SUPERVISOR, true, now).grants(Role.AGENT)).isFalse();
    assertThatThrownBy(() -> new Account(new AccountId("x"), " ", Role.AGENT, "h", false, now, now))
        .hasMessageContaining("display name");
  }

  @Test
  void tokensAreRandomUrlSafeAndRedacted() {
    SecureRandom random = new SecureRandom();
    SessionToken first = SessionToken.generate(random);
    SessionToken second = SessionToken.generate(random);

    assertThat(first.value()).matches("[A-Za-z0-9_-]{43}");
    assertThat(first).isNotEqualTo(second);
    assertThat(first.toString()).doesNotContain(first.value());
    assertThat(first.digest()).matches("[0-9a-f]{64}").isNotEqualTo(second.digest());
    assertThat(SessionToken.isWellFormed(first.value() + "=")).isFalse();
    assertThat(SessionToken.isWellFormed("Az09_-".repeat(7) + "x")).isTrue();
    assertThat(SessionToken.isWellFormed("Az09_-".repeat(7) + ".")).isFalse();
    assertThat(SessionToken.isWellFormed("Az09_-".repeat(7))).isFalse();
    IdPatterns.agrees("[A-Za-z0-9_-]{43}", SessionToken::isWellFormed);
  }

  @Test
  void idleExpiryNeverPassesTheAbsoluteOne() {
    SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(12), Duration.ofDays(7));
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Instant absolute = start.plus(Duration.ofDays(7));

    assertThat(lifetime.idleExpiry(start, absolute)).isEqualTo(start.plus(Duration.ofHours(12)));
    assertThat(lifetime.idleExpiry(absolute.minusSeconds(60), absolute)).isEqualTo(absolute);
    assertThatThrownBy(() -> new SessionLifetime(Duration.ofDays(2), Duration.ofDays(1)))
        .hasMessageContaining("idle");
  }
}
