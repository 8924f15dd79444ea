package dev.switchboard.routing.customer;

import dev.switchboard.routing.customer.internal.CustomerKeys;
import dev.switchboard.routing.customer.internal.CustomerScripts;
import dev.switchboard.routing.customer.internal.ScriptPipeline;
import dev.switchboard.routing.customer.internal.StoreCalls;
import dev.switchboard.routing.store.RedisStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer directory in Redis. Each write is one Lua script, so a record and its indexes change
 * together; each lookup is one round trip. Key layout: docs/redis-keys.md.
 *
 * <p>Thread-safe and non-blocking; futures complete on the calling Vert.x context.
 */
public final class RedisCustomerDirectory implements CustomerDirectory {

  /** Most entries a timeline or name search page may hold. */
  public static final int MAX_PAGE = 1000;
  /**
   * How many records {@link #saveAll} hands to one call of save.lua. Measured: grouping records gave
   * no gain, because Redis spends its time on each record's commands, not on the call itself.
   */
  private static final int RECORDS_PER_SCRIPT = 1;

  private static final String HIGHEST = new String(Character.toChars(Character.MAX_CODE_POINT));
  private static final Comparator<Customer> PICK_ORDER =
      Comparator.comparing((Customer customer) -> customer.name().toLowerCase(java.util.Locale.ROOT))
          .thenComparing(customer -> customer.id().value());

  private final RedisStore store;
  private final IdentityNormalizer normalizer;
  private final CustomerJson json;
  private final CustomerKeys keys;
  private final int timelineLimit;
  private final Clock clock;

  /** {@code timelineLimit} is how many entries a timeline keeps; older ones are dropped. */
  public RedisCustomerDirectory(RedisStore store, IdentityNormalizer normalizer, int timelineLimit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.json = new CustomerJson(normalizer);
    this.keys = new CustomerKeys(store.keys());
    if (timelineLimit < 1) {
      throw new IllegalArgumentException("timeline limit " + timelineLimit + " is invalid: keep at least 1 entry");
    }
    this.timelineLimit = timelineLimit;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Future<Customer> save(Customer customer) {
    Customer stored;
    try {
      stored = stamped(customer);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    SaveCall call = saveCall(List.of(stored));
    return StoreCalls.guard(() -> store.<Long>eval(CustomerScripts.SAVE, call.keys(), call.args()))
        .map(written -> stored);
  }

  /**
   * Writes every save to the shared connection in one go (pipelined, one flush) and waits for all of
   * them. Each record stays atomic; the batch as a whole is not.
   */
  @Override
  public Future<Integer> saveAll(List<Customer> customers) {
    List<Customer> stored = new ArrayList<>(customers.size());
    try {
      customers.forEach(customer -> stored.add(stamped(customer)));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    List<ScriptPipeline.Call> calls = new ArrayList<>(stored.size() / RECORDS_PER_SCRIPT + 1);
    for (int from = 0; from < stored.size(); from += RECORDS_PER_SCRIPT) {
      SaveCall call = saveCall(stored.subList(from, Math.min(stored.size(), from + RECORDS_PER_SCRIPT)));
      calls.add(new ScriptPipeline.Call(call.keys(), call.args()));
    }
    return StoreCalls.guard(() -> store.bridge(
        ScriptPipeline.evalAll(store.commands(), CustomerScripts.SAVE, calls).thenApply(done -> stored.size())));
  }

  @Override
  public Future<Optional<Customer>> get(CustomerId id) {
    return StoreCalls.guard(() -> store.run(redis -> redis.hget(keys.record(id), "json")))
        .map(text -> Optional.ofNullable(text).map(json::fromStored));
  }

  @Override
  public Future<Boolean> delete(CustomerId id) {
    String[] scriptKeys = {keys.record(id), keys.nameIndex(), keys.timeline(id)};
    return StoreCalls.guard(() -> store.<Long>eval(CustomerScripts.DELETE, scriptKeys, id.value()))
        .map(removed -> removed == 1L);
  }

  @Override
  public Future<Lookup> lookup(IdentityType type, String query) {
    return normalized(type, query).compose(identity -> records(identity)
        .map(records -> lookup(identity, records)));
  }

  /** One record or none is copied into the answer as stored; a pick-list is decoded to be put in order. */
  @Override
  public Future<Buffer> lookupJson(IdentityType type, String query) {
    return normalized(type, query).compose(identity -> records(identity).map(records -> records.size() <= 1
        ? CustomerJson.wire(identity, records.stream().findFirst().map(String.class::cast))
        : CustomerJson.wire(lookup(identity, records)).toBuffer()));
  }

  private Future<NormalizedIdentity> normalized(IdentityType type, String query) {
    try {
      return Future.succeededFuture(normalizer.normalize(type, query));
    } catch (InvalidIdentityException e) {
      return Future.failedFuture(e);
    }
  }

  /** The stored JSON of every record holding the identity, in one round trip. */
  private Future<List<Object>> records(NormalizedIdentity identity) {
    String[] scriptKeys = {keys.index(identity.type(), identity.value())};
    return StoreCalls.guard(() -> store.eval(CustomerScripts.LOOKUP, scriptKeys, keys.recordPrefix()));
  }

  private Lookup lookup(NormalizedIdentity identity, List<Object> records) {
    return new Lookup(identity.type(), identity.input(), identity.value(), decode(records).stream()
        .map(customer -> new Match(customer, identity.type(), identity.value(), identity.exact()))
        .toList());
  }

  @Override
  public Future<List<Customer>> searchByName(String prefix, int limit) {
    Objects.requireNonNull(prefix, "prefix");
    if (limit < 1 || limit > MAX_PAGE) {
      return Future.failedFuture(new IllegalArgumentException(
          "search limit " + limit + " is invalid: use 1-" + MAX_PAGE));
    }
    String lower = prefix.stripLeading().toLowerCase(java.util.Locale.ROOT);
    String min = lower.isEmpty() ? "-" : "[" + lower;
    String max = lower.isEmpty() ? "+" : "[" + lower + HIGHEST;
    return StoreCalls.guard(() -> store.<List<Object>>eval(CustomerScripts.SEARCH, new String[] {keys.nameIndex()},
        min, max, Integer.toString(limit), keys.recordPrefix()))
        .map(records -> records.stream().map(text -> json.fromStored((String) text)).toList());
  }

  @Override
  public Future<Void> appendTimeline(CustomerId id, TimelineEntry entry) {
    String[] scriptKeys = {keys.record(id), keys.timeline(id)};
    String text = TimelineJson.toJson(entry).encode();
    return StoreCalls.guard(() -> store.<Long>eval(CustomerScripts.APPEND_TIMELINE, scriptKeys, text,
            Integer.toString(timelineLimit)))
        .compose(added -> added == 1L ? Future.<Void>succeededFuture() : Future.failedFuture(
            new CustomerNotFoundException(id, "customer '" + id + "' does not exist: save the customer before "
                + "adding to its timeline")));
  }

  @Override
  public Future<TimelinePage> timeline(CustomerId id, Optional<String> cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      return Future.failedFuture(new IllegalArgumentException(
          "timeline page size " + limit + " is invalid: use 1-" + MAX_PAGE));
    }
    long offset;
    try {
      offset = cursor.map(RedisCustomerDirectory::offset).orElse(0L);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return StoreCalls.guard(() -> store.run(redis -> redis.lrange(keys.timeline(id), offset, offset + limit)))
        .map(texts -> {
          List<TimelineEntry> entries = texts.stream().limit(limit).map(TimelineJson::fromStored).toList();
          Optional<String> next = texts.size() > limit ? Optional.of(Long.toString(offset + limit)) : Optional.empty();
          return new TimelinePage(entries, next);
        });
  }

  private static long offset(String cursor) {
    try {
      long offset = Long.parseLong(cursor);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // fall through to the explanation below
    }
    throw new IllegalArgumentException("timeline cursor '" + cursor
        + "' is invalid: pass the 'next' value of a previous page, or no cursor for the newest entries");
  }

  private Customer stamped(Customer customer) {
    for (IdentityType type : IdentityType.values()) {
      for (String value : customer.identities().of(type)) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
          throw new InvalidIdentityException(type, "customer '" + customer.id() + "' has " + type.wireName()
              + " '" + value + "' that is not normalized: build identities with IdentityNormalizer");
        }
      }
    }
    return customer.withUpdatedAt(clock.instant());
  }

  /** The keys and arguments of one call of save.lua for these records. */
  private record SaveCall(String[] keys, String[] args) {}

  private SaveCall saveCall(List<Customer> customers) {
    List<String> scriptKeys = new ArrayList<>(1 + customers.size() * 5);
    List<String> args = new ArrayList<>(1 + customers.size() * 4);
    scriptKeys.add(keys.nameIndex());
    args.add(Integer.toString(customers.size()));
    for (Customer customer : customers) {
      scriptKeys.add(keys.record(customer.id()));
      int before = scriptKeys.size();
      for (IdentityType type : IdentityType.values()) {
        customer.identities().of(type).forEach(value -> scriptKeys.add(keys.index(type, value)));
      }
      args.add(customer.id().value());
      args.add(json.toJson(customer).encode());
      args.add(CustomerKeys.nameMember(customer.name(), customer.id()));
      args.add(Integer.toString(scriptKeys.size() - before));
    }
    return new SaveCall(scriptKeys.toArray(String[]::new), args.toArray(String[]::new));
  }

  private List<Customer> decode(List<Object> records) {
    List<Customer> customers = new ArrayList<>(records.size());
    records.forEach(text -> customers.add(json.fromStored((String) text)));
    customers.sort(PICK_ORDER);
    return customers;
  }
}
