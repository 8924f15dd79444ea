package dev.switchboard.gateway.auth;

import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts sign-in attempts in Redis windows ({@code INCR} + {@code EXPIRE}), per account and per
 * client address. An attempt is counted before the password is checked, so parallel guesses cannot
 * slip past the limit; a success clears the account's count and gives the address's back.
 * Thread-safe; futures complete on the caller's context.
 */
public final class RedisSignInThrottle {

  private static final LuaScript ATTEMPT = LuaScript.load("/dev/switchboard/gateway/auth/sign-in-attempt.lua",
      ScriptOutputType.INTEGER);
  private static final LuaScript SUCCESS = LuaScript.load("/dev/switchboard/gateway/auth/sign-in-success.lua",
      ScriptOutputType.INTEGER);

  private final RedisStore store;
  private final SignInLimits limits;

  public RedisSignInThrottle(RedisStore store, SignInLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  /**
   * Counts one attempt; empty when it may go ahead, else how long until the full window ends.
   * {@code account} is empty when the name given is not even a valid id: only the address counts then.
   */
  public Future<Optional<Duration>> attempt(Optional<AccountId> account, String address) {
    String window = Long.toString(limits.window().toSeconds());
    Future<Long> counted = account.isPresent()
        ? store.eval(ATTEMPT, new String[] {accountKey(account.get()), addressKey(address)}, window,
            Integer.toString(limits.perAccount()), Integer.toString(limits.perAddress()))
        : store.eval(ATTEMPT, new String[] {addressKey(address)}, window, Integer.toString(limits.perAddress()));
    return counted.map(wait -> wait == 0L ? Optional.empty() : Optional.of(Duration.ofSeconds(wait)));
  }

  /** Forgets the account's failures after a successful sign-in. */
  public Future<Void> succeeded(AccountId account, String address) {
    return store.<Long>eval(SUCCESS, new String[] {accountKey(account), addressKey(address)}).mapEmpty();
  }

  private String accountKey(AccountId account) {
    return store.keys().key("sign-in-failures", "account", account.value());
  }

  private String addressKey(String address) {
    return store.keys().key("sign-in-failures", "address", address);
  }
}
