package dev.switchboard.routing.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Key names of one center. Every key is {@code sb:{center}:...}: the hash tag keeps all keys of a
 * center in one Redis Cluster slot, so multi-key scripts stay valid there.
 */
public final class RedisKeys {

  private static final Pattern CENTER = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private final String prefix;
  private final String center;

  public RedisKeys(String center) {
    Objects.requireNonNull(center, "center");
    if (!CENTER.matcher(center).matches()) {
      throw new IllegalArgumentException("center name '" + center
          + "' is invalid: use 1-32 lower-case letters, digits or '-', starting with a letter or digit");
    }
    this.center = center;
    this.prefix = "sb:{" + center + "}:";
  }

  public String center() {
    return center;
  }

  /** {@code sb:{center}:part1:part2...}. */
  public String key(String... parts) {
    StringBuilder key = new StringBuilder(prefix);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        key.append(':');
      }
      key.append(parts[i]);
    }
    return key.toString();
  }

  /** The prefix shared by every key of the center, for scripts that build keys themselves. */
  public String prefix() {
    return prefix;
  }
}
