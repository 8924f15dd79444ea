package dev.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentSessionsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final RecentSessions recent = new RecentSessions(Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);

  @Test
  void servesAConfirmedPrincipalForOneSecond() {
    Principal ann = principal("ann", NOW.plusSeconds(3600));
    recent.keep("d1", ann, recent.mark());

    assertThat(recent.get("d1")).contains(ann);
    nanos.addAndGet(RecentSessions.FRESH.toNanos() - 1);
    assertThat(recent.get("d1")).contains(ann);
    nanos.addAndGet(1);
    assertThat(recent.get("d1")).isEmpty();
    assertThat(recent.size()).isZero();
  }

  @Test
  void neverServesASessionPastItsAbsoluteExpiry() {
    recent.keep("d1", principal("ann", NOW), recent.mark());

    assertThat(recent.get("d1")).isEmpty();
  }

  @Test
  void forgetsASessionAndEverySessionOfAnAccount() {
    recent.keep("d1", principal("ann", NOW.plusSeconds(60)), recent.mark());
    recent.keep("d2", principal("ann", NOW.plusSeconds(60)), recent.mark());
    recent.keep("d3", principal("bob", NOW.plusSeconds(60)), recent.mark());

    recent.forget("d3");
    assertThat(recent.get("d3")).isEmpty();
    assertThat(recent.get("d1")).isPresent();

    recent.forgetAccount(new AccountId("ann"));
    assertThat(recent.get("d1")).isEmpty();
    assertThat(recent.get("d2")).isEmpty();
  }

  @Test
  void doesNotKeepAConfirmationThatWasUnderWayWhenSomethingWasForgotten() {
    long mark = recent.mark();
    recent.forget("d9");

    recent.keep("d1", principal("ann", NOW.plusSeconds(60)), mark);

    assertThat(recent.get("d1")).isEmpty();
    recent.keep("d1", principal("ann", NOW.plusSeconds(60)), recent.mark());
    assertThat(recent.get("d1")).isPresent();
  }

  @Test
  void holdsAtMostItsLimitDroppingStaleEntriesFirst() {
    for (int i = 0; i < RecentSessions.MAX; i++) {
      recent.keep("d" + i, principal("a" + i, NOW.plusSeconds(60)), recent.mark());
    }
    recent.keep("extra", principal("extra", NOW.plusSeconds(60)), recent.mark());
    assertThat(recent.get("extra")).isEmpty();
    assertThat(recent.size()).isEqualTo(RecentSessions.MAX);

    nanos.addAndGet(RecentSessions.FRESH.toNanos());
    recent.keep("extra", principal("extra", NOW.plusSeconds(60)), recent.mark());
    assertThat(recent.get("extra")).isPresent();
    assertThat(recent.size()).isEqualTo(1);
  }

  private static Principal principal(String id, Instant absoluteExpiry) {
    AccountId account = new AccountId(id);
    return new Principal(new Account(account, id, Role.AGENT, "pbkdf2-sha256$1$salt$hash", false, NOW, NOW),
        new Session(account, Role.AGENT, NOW.minusSeconds(60), absoluteExpiry),
        new SessionToken("Az09_-".repeat(7) + "x"));
  }
}
