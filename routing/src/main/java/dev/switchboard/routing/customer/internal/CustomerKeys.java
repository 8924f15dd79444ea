package dev.switchboard.routing.customer.internal;

import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.store.RedisKeys;
import java.util.Locale;

/**
 * Redis key names of the customer directory (see docs/redis-keys.md): a hash per record, a set per
 * identity value, one name index, a list per timeline. All share the center's hash tag.
 */
public final class CustomerKeys {

  private final RedisKeys keys;
  private final String recordPrefix;
  private final String nameIndex;

  public CustomerKeys(RedisKeys keys) {
    this.keys = keys;
    this.recordPrefix = keys.key("cust", "");
    this.nameIndex = keys.key("idx", "name");
  }

  /** {@code sb:{c}:cust:<id>}: a hash with fields {@code json}, {@code name}, {@code idx}. */
  public String record(CustomerId id) {
    return recordPrefix + id.value();
  }

  /** {@code sb:{c}:cust:}, for scripts that go from an id to its record. */
  public String recordPrefix() {
    return recordPrefix;
  }

  /** {@code sb:{c}:idx:<type>:<value>}: the set of ids holding a normalized identity value. */
  public String index(IdentityType type, String value) {
    return keys.key("idx", type.wireName(), value);
  }

  /** {@code sb:{c}:idx:name}: a sorted set of {@code <lower-case name>\0<id>}, all scored 0. */
  public String nameIndex() {
    return nameIndex;
  }

  /** The member of {@link #nameIndex()} for a customer. */
  public static String nameMember(String name, CustomerId id) {
    return name.toLowerCase(Locale.ROOT) + '\0' + id.value();
  }

  /** {@code sb:{c}:tl:<id>}: the timeline, newest entry first. */
  public String timeline(CustomerId id) {
    return keys.key("tl", id.value());
  }
}
