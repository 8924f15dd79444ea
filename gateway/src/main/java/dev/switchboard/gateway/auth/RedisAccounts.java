package dev.switchboard.gateway.auth;

import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts in Redis: one hash per account ({@code sb:{center}:account:<id>}) and a set of ids
 * ({@code sb:{center}:accounts}) for listing. Thread-safe; every method returns a future completed
 * on the caller's context and never blocks.
 */
public final class RedisAccounts {

  private static final LuaScript SAVE = LuaScript.load("/dev/switchboard/gateway/auth/save-account.lua",
      ScriptOutputType.INTEGER);
  private static final LuaScript DELETE = LuaScript.load("/dev/switchboard/gateway/auth/delete-account.lua",
      ScriptOutputType.INTEGER);

  private final RedisStore store;

  public RedisAccounts(RedisStore store) {
    this.store = store;
  }

  /** Stores a new account; fails with {@link AccountExistsException} when the id is taken. */
  public Future<Account> create(Account account) {
    return save("create", account).map(written -> {
      if (!written) {
        throw new AccountExistsException(account.id());
      }
      return account;
    });
  }

  /** Replaces an existing account; the future holds false when there is none to replace. */
  public Future<Boolean> update(Account account) {
    return save("update", account);
  }

  public Future<Optional<Account>> get(AccountId id) {
    return store.run(commands -> commands.hgetall(key(id))).map(fields -> fromStored(id, fields));
  }

  /** The account {@code id} from the fields of its hash; empty when there are none (no such account). */
  static Optional<Account> fromStored(AccountId id, Map<String, String> fields) {
    return fields.isEmpty() ? Optional.empty() : Optional.of(fromFields(id, fields));
  }

  /** Disables an account (it can no longer sign in, and its sessions stop working); false when unknown. */
  public Future<Boolean> disable(AccountId id, Instant now) {
    return get(id).compose(found -> found.isEmpty() ? Future.succeededFuture(false)
        : update(found.get().withDetails(found.get().displayName(), found.get().role(), true, now)));
  }

  /** Every account, sorted by id. */
  public Future<List<Account>> list() {
    return store.run(commands -> commands.smembers(store.keys().key("accounts"))).compose(ids -> {
      List<Future<Optional<Account>>> reads = new ArrayList<>();
      ids.stream().filter(AccountId::isValid).sorted().forEach(id -> reads.add(get(new AccountId(id))));
      return Future.all(reads).map(done -> {
        List<Account> accounts = new ArrayList<>();
        reads.forEach(read -> read.result().ifPresent(accounts::add));
        accounts.sort(Comparator.comparing(account -> account.id().value()));
        return accounts;
      });
    });
  }

  /** Deletes an account; false when it did not exist. */
  public Future<Boolean> delete(AccountId id) {
    return store.<Long>eval(DELETE, new String[] {key(id), store.keys().key("accounts")}, id.value())
        .map(removed -> removed == 1L);
  }

  private Future<Boolean> save(String mode, Account account) {
    String[] args = {mode, account.id().value(),
        "name", account.displayName(),
        "role", account.role().wireName(),
        "hash", account.passwordHash(),
        "disabled", account.disabled() ? "1" : "0",
        "created", Long.toString(account.created().toEpochMilli()),
        "updated", Long.toString(account.updated().toEpochMilli())};
    return store.<Long>eval(SAVE, new String[] {key(account.id()), store.keys().key("accounts")}, args)
        .map(written -> written == 1L);
  }

  private String key(AccountId id) {
    return store.keys().key("account", id.value());
  }

  private static Account fromFields(AccountId id, Map<String, String> fields) {
    try {
      return new Account(id, fields.get("name"), Role.named(fields.get("role")), fields.get("hash"),
          "1".equals(fields.get("disabled")), Instant.ofEpochMilli(Long.parseLong(fields.get("created"))),
          Instant.ofEpochMilli(Long.parseLong(fields.get("updated"))));
    } catch (RuntimeException e) {
      throw new IllegalStateException("Account '" + id + "' in Redis is damaged (" + e.getMessage()
          + "); delete it with DELETE /api/v1/accounts/" + id + " and create it again", e);
    }
  }
}
