package dev.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis-backed pieces of sign-in against a real Redis server, each test on a fresh center. */
class RedisAuthStoresIT {

  private Vertx vertx;
  private WorkerExecutor workers;
  private TestRedis.Connected redis;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));

  @BeforeEach
  void connect() {
    vertx = Vertx.vertx();
    workers = vertx.createSharedWorkerExecutor("auth-hash-test", 2);
    redis = TestRedis.connect(vertx);
  }

  @AfterEach
  void close() throws Exception {
    redis.close();
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private AccountProvisioning provisioning() {
    return new AccountProvisioning(new RedisAccounts(redis.store()),
        new PasswordHasher(workers, PasswordHasher.MIN_ITERATIONS), clock);
  }

  @Test
  void addressIsThrottledAcrossAccountsAndAccountAcrossAddresses() throws Exception {
    RedisSignInThrottle throttle = new RedisSignInThrottle(redis.store(),
        new SignInLimits(2, 3, Duration.ofMinutes(15)));
    AccountId first = new AccountId("first");

    assertThat(await(throttle.attempt(Optional.of(first), "10.0.0.1"))).isEmpty();
    assertThat(await(throttle.attempt(Optional.of(first), "10.0.0.2"))).isEmpty();
    assertThat(await(throttle.attempt(Optional.of(first), "10.0.0.3"))).hasValueSatisfying(wait ->
        assertThat(wait).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
    assertThat(await(throttle.attempt(Optional.of(new AccountId("second")), "10.0.0.1"))).isEmpty();
    assertThat(await(throttle.attempt(Optional.empty(), "10.0.0.1"))).isEmpty();
    assertThat(await(throttle.attempt(Optional.of(new AccountId("third")), "10.0.0.1"))).isPresent();
    assertThat(await(throttle.attempt(Optional.empty(), "10.0.0.1"))).isPresent();
    assertThat(await(throttle.attempt(Optional.of(new AccountId("third")), "10.0.0.9"))).isEmpty();
  }

  @Test
  void successClearsTheAccountCountAndGivesTheAddressItsAttemptBack() throws Exception {
    RedisSignInThrottle throttle = new RedisSignInThrottle(redis.store(),
        new SignInLimits(2, 2, Duration.ofMinutes(15)));
    AccountId account = new AccountId("regular");

    for (int day = 0; day < 5; day++) {
      assertThat(await(throttle.attempt(Optional.of(account), "10.0.0.1"))).isEmpty();
      await(throttle.succeeded(account, "10.0.0.1"));
    }
    assertThat(await(throttle.attempt(Optional.of(account), "10.0.0.1"))).isEmpty();
    assertThat(await(throttle.attempt(Optional.of(account), "10.0.0.1"))).isEmpty();
    assertThat(await(throttle.attempt(Optional.of(account), "10.0.0.1"))).isPresent();
  }

  @Test
  void sessionSlidesItsIdleExpiryAndEndsAtTheAbsoluteOne() throws Exception {
    RedisSessions sessions = new RedisSessions(redis.store(),
        new SessionLifetime(Duration.ofHours(1), Duration.ofHours(3)), clock);
    Account account = await(provisioning().ensure(new AccountId("shift"), "Shift", Role.AGENT, "shift-password"));

    IssuedSession issued = await(sessions.open(account));
    String key = redis.store().keys().key("session", issued.token().digest());

    assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    assertThat(redis.connection().sync().pttl(key)).isBetween(Duration.ofMinutes(59).toMillis(),
        Duration.ofHours(1).toMillis());
    clock.advance(Duration.ofMinutes(150));
    assertThat(await(sessions.use(issued.token()))).hasValueSatisfying(session ->
        assertThat(session.account()).isEqualTo(account.id()));
    assertThat(redis.connection().sync().pttl(key)).isBetween(Duration.ofMinutes(29).toMillis(),
        Duration.ofMinutes(30).toMillis());
    clock.advance(Duration.ofMinutes(31));
    assertThat(await(sessions.use(issued.token()))).isEmpty();
    assertThat(redis.connection().sync().exists(key)).isZero();
  }

  @Test
  void sessionIsReadWithItsAccountInOneStepAndADamagedOneIsEnded() throws Exception {
    RedisSessions sessions = new RedisSessions(redis.store(), SessionLifetime.DEFAULT, clock);
    Account account = await(provisioning().ensure(new AccountId("paired"), "Paired", Role.SUPERVISOR, "paired-password"));
    IssuedSession issued = await(sessions.open(account));

    RedisSessions.Use use = await(sessions.useWithAccount(issued.token())).orElseThrow();
    assertThat(use.session().account()).isEqualTo(account.id());
    assertThat(RedisAccounts.fromStored(account.id(), use.account())).contains(account);

    String key = redis.store().keys().key("session", issued.token().digest());
    redis.connection().sync().hdel(key, "expires");
    assertThat(await(sessions.useWithAccount(issued.token()))).isEmpty();
    assertThat(redis.connection().sync().exists(key)).isZero();
  }

  @Test
  void closedSessionIsGone() throws Exception {
    RedisSessions sessions = new RedisSessions(redis.store(), SessionLifetime.DEFAULT, clock);
    Account account = await(provisioning().ensure(new AccountId("brief"), "Brief", Role.AGENT, "brief-password"));
    IssuedSession issued = await(sessions.open(account));

    assertThat(await(sessions.close(issued.token()))).isTrue();
    assertThat(await(sessions.use(issued.token()))).isEmpty();
    assertThat(await(sessions.close(issued.token()))).isFalse();
  }

  @Test
  void freshInstallGetsAnAdminWithAGeneratedPasswordPrintedOnce() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    await(provisioning().ensureAdmin(Optional.empty(), out));
    String firstRun = printed.toString(StandardCharsets.UTF_8);
    await(provisioning().ensureAdmin(Optional.empty(), out));

    String password = firstRun.lines().filter(line -> line.startsWith("  ")).findFirst().orElseThrow().strip();
    assertThat(password).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(firstRun);
    Account admin = await(new RedisAccounts(redis.store()).get(AccountProvisioning.ADMIN)).orElseThrow();
    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(PasswordHasher.matchesNow(password, admin.passwordHash())).isTrue();
  }

  @Test
  void configuredAdminPasswordIsUsedAndNotPrinted() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    await(provisioning().ensureAdmin(Optional.of("chosen-admin-password"),
        new PrintStream(printed, true, StandardCharsets.UTF_8)));

    assertThat(printed.size()).isZero();
    Account admin = await(new RedisAccounts(redis.store()).get(AccountProvisioning.ADMIN)).orElseThrow();
    assertThat(PasswordHasher.matchesNow("chosen-admin-password", admin.passwordHash())).isTrue();
  }

  @Test
  void existingAdminIsLeftAlone() throws Exception {
    await(provisioning().ensure(new AccountId("chief"), "Chief", Role.ADMIN, "chief-password"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    await(provisioning().ensureAdmin(Optional.empty(), new PrintStream(printed, true, StandardCharsets.UTF_8)));

    assertThat(printed.size()).isZero();
    assertThat(await(new RedisAccounts(redis.store()).get(AccountProvisioning.ADMIN))).isEmpty();
  }

  @Test
  void accountsAreCreatedListedUpdatedDisabledAndDeleted() throws Exception {
    RedisAccounts accounts = new RedisAccounts(redis.store());
    Instant now = clock.instant();
    Account kim = new Account(new AccountId("kim"), "Kim", Role.AGENT, PasswordHasher.DECOY, false, now, now);

    await(accounts.create(kim));
    assertThat(await(accounts.create(kim).recover(failure -> Future.succeededFuture(null)))).isNull();
    await(accounts.create(new Account(new AccountId("ahn"), "Ahn", Role.SUPERVISOR, PasswordHasher.DECOY, false,
        now, now)));
    assertThat(await(accounts.list())).extracting(account -> account.id().value()).containsExactly("ahn", "kim");
    assertThat(await(accounts.update(kim.withDetails("Kim Minji", Role.SUPERVISOR, false, now)))).isTrue();
    assertThat(await(accounts.get(kim.id())).orElseThrow().displayName()).isEqualTo("Kim Minji");
    assertThat(await(accounts.disable(kim.id(), now))).isTrue();
    assertThat(await(accounts.get(kim.id())).orElseThrow().disabled()).isTrue();
    assertThat(await(accounts.delete(kim.id()))).isTrue();
    assertThat(await(accounts.delete(kim.id()))).isFalse();
    assertThat(await(accounts.update(kim))).isFalse();
    assertThat(await(accounts.list())).extracting(account -> account.id().value()).containsExactly("ahn");
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
