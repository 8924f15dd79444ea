package dev.switchboard.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One scalar setting: its dotted kebab-case path, how its value reads, its default and what it
 * is for. Loading, validation, the environment variable name and the reference docs all come
 * from these declarations.
 *
 * @param path dotted path such as {@code server.body-limit}
 * @param type how the value is read and checked
 * @param defaultText the default as a user would write it; empty when the key has none
 * @param required whether a key without a default must be set
 * @param description one sentence for the reference docs
 */
record ConfigKey<T>(
    String path, ValueType<T> type, Optional<String> defaultText, boolean required, String description) {

  static final String ENVIRONMENT_PREFIX = "SWITCHBOARD_";
  private static final Pattern PATH = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+");

  ConfigKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultText, "defaultText");
    Objects.requireNonNull(description, "description");
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("key path '" + path + "' is not dotted kebab-case (section.name)");
    }
    if (required && defaultText.isPresent()) {
      throw new IllegalArgumentException(path + ": a required key cannot have a default");
    }
  }

  /** A key that falls back to {@code defaultText} when unset. */
  static <T> ConfigKey<T> withDefault(String path, ValueType<T> type, String defaultText, String description) {
    return new ConfigKey<>(path, type, Optional.of(defaultText), false, description);
  }

  /** A key that may stay unset. */
  static <T> ConfigKey<T> optional(String path, ValueType<T> type, String description) {
    return new ConfigKey<>(path, type, Optional.empty(), false, description);
  }

  /** A key that must be set, in the file or the environment. */
  static <T> ConfigKey<T> required(String path, ValueType<T> type, String description) {
    return new ConfigKey<>(path, type, Optional.empty(), true, description);
  }

  /** {@code SWITCHBOARD_} plus the path upper-cased, with dots and dashes as underscores. */
  String environmentVariable() {
    return ENVIRONMENT_PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The path of the mapping holding this key, e.g. {@code server}. */
  String section() {
    return path.substring(0, path.lastIndexOf('.'));
  }
}
