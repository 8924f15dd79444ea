package dev.switchboard.config;

import java.util.Map;
import java.util.Optional;

/**
 * Turns raw values into typed ones, key by key: the raw text when set, else the default, else a
 * problem when the key is required.
 */
final class Resolution {

  private final ConfigSchema schema;
  private final Map<String, String> environment;
  private final String fileName;
  private final ProblemList problems;

  /**
   * @param fileName the file, named in "required but not set" problems, or a neutral word without one
   */
  Resolution(ConfigSchema schema, Map<String, String> environment, String fileName, ProblemList problems) {
    this.schema = schema;
    this.environment = environment;
    this.fileName = fileName;
    this.problems = problems;
  }

  ResolvedValues resolve(Map<String, RawValue> raw) {
    ResolvedValues values = new ResolvedValues();
    for (ConfigKey<?> key : schema.keys()) {
      resolveKey(key, raw.get(key.path()), values);
    }
    return values;
  }

  private <T> void resolveKey(ConfigKey<T> key, RawValue value, ResolvedValues values) {
    if (value != null && !value.unset()) {
      read(key, value).ifPresent(typed -> values.put(key, typed));
    } else if (key.defaultText().isPresent()) {
      values.put(key, defaultOf(key));
    } else if (key.required()) {
      problems.add(new Origin(fileName, 0, false), key.path(),
          "required but not set; add it to the file or set " + key.environmentVariable());
    }
  }

  private <T> Optional<T> read(ConfigKey<T> key, RawValue value) {
    try {
      return Optional.of(key.type().parse(value.text(), value.origin(), environment));
    } catch (InvalidValueException invalid) {
      problems.add(value.origin(), key.path(), invalid.getMessage());
      return Optional.empty();
    }
  }

  private static <T> T defaultOf(ConfigKey<T> key) {
    String text = key.defaultText().orElseThrow();
    try {
      return key.type().parse(text, new Origin("default", 0, false), Map.of());
    } catch (InvalidValueException invalid) {
      throw new IllegalStateException(
          "default '" + text + "' of " + key.path() + " is invalid: " + invalid.getMessage(), invalid);
    }
  }
}
