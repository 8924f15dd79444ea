package dev.switchboard.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Typed values of the keys that ended up set, by default, file or environment. */
final class ResolvedValues {

  private final Map<String, Object> values = new HashMap<>();

  <T> void put(ConfigKey<T> key, T value) {
    values.put(key.path(), value);
  }

  /** The value of a key that has a default or is required, hence always set once loading succeeded. */
  <T> T get(ConfigKey<T> key) {
    return find(key).orElseThrow(() -> new IllegalStateException(key.path() + " has no value"));
  }

  @SuppressWarnings("unchecked") // put() only stores a key's own type under its path
  <T> Optional<T> find(ConfigKey<T> key) {
    return Optional.ofNullable((T) values.get(key.path()));
  }
}
