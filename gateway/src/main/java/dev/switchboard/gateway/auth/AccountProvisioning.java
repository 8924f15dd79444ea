package dev.switchboard.gateway.auth;

import io.vertx.core.Future;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts that must exist for the server to be usable: the initial admin of a fresh install, and
 * accounts with known passwords (the demo's agents). Futures complete on the caller's context.
 */
public final class AccountProvisioning {

  private static final Logger log = LoggerFactory.getLogger(AccountProvisioning.class);

  /** The environment variable holding the initial admin's password. */
  public static final String ADMIN_PASSWORD_VARIABLE = "SWITCHBOARD_ADMIN_PASSWORD";
  public static final AccountId ADMIN = new AccountId("admin");

  private final RedisAccounts accounts;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AccountProvisioning(RedisAccounts accounts, PasswordHasher hasher, Clock clock) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.clock = clock;
  }

  public RedisAccounts accounts() {
    return accounts;
  }

  /**
   * Makes {@code id} an enabled account with this role, name and password, creating it or
   * overwriting what is there.
   */
  public Future<Account> ensure(AccountId id, String displayName, Role role, String password) {
    return hasher.hash(password).compose(hash -> accounts.get(id).compose(found -> {
      Instant now = clock.instant();
      if (found.isEmpty()) {
        return accounts.create(new Account(id, displayName, role, hash, false, now, now));
      }
      Account changed = found.get().withDetails(displayName, role, false, now).withPasswordHash(hash, now);
      return accounts.update(changed).map(updated -> changed);
    }));
  }

  /**
   * Creates an enabled account of role agent with this name and password; fails with
   * {@link AccountExistsException} when the id is taken, and with {@link IllegalArgumentException} (without the
   * password in its message) when the password breaks {@link PasswordPolicy}.
   */
  public Future<Account> createAgent(AccountId id, String displayName, String password) {
    try {
      PasswordPolicy.check(password);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return hasher.hash(password).compose(hash -> {
      Instant now = clock.instant();
      return accounts.create(new Account(id, displayName, Role.AGENT, hash, false, now, now));
    });
  }

  /**
   * When no enabled admin exists, makes {@code admin} one, with {@code configuredPassword} or else a
   * random password printed once to {@code out} (never logged). Nothing happens when an admin exists.
   */
  public Future<Void> ensureAdmin(Optional<String> configuredPassword, PrintStream out) {
    configuredPassword.ifPresent(password -> {
      try {
        PasswordPolicy.check(password);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ADMIN_PASSWORD_VARIABLE + ": " + e.getMessage(), e);
      }
    });
    return accounts.list().compose(all -> {
      if (all.stream().anyMatch(account -> account.grants(Role.ADMIN))) {
        return Future.succeededFuture();
      }
      String password = configuredPassword.orElseGet(this::randomPassword);
      return ensure(ADMIN, "Administrator", Role.ADMIN, password).map(admin -> {
        if (configuredPassword.isPresent()) {
          log.info("[account={}] initial admin set up with the password from {}", ADMIN, ADMIN_PASSWORD_VARIABLE);
        } else {
          log.info("[account={}] initial admin set up with a generated password, printed on standard output", ADMIN);
          out.println();
          out.println("Switchboard created the initial admin account. Sign in as 'admin' with this password,");
          out.println("shown only now (set " + ADMIN_PASSWORD_VARIABLE + " to choose it yourself):");
          out.println("  " + password);
          out.println();
          out.flush();
        }
        return null;
      });
    });
  }

  private String randomPassword() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
