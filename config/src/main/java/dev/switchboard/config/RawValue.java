package dev.switchboard.config;

import java.util.Objects;

/**
 * A value as written, before its type reads it. Empty text means "not set": the key falls back
 * to its default, even when a lower layer (the file) gave it a value.
 */
record RawValue(String text, ValueSource source) {

  RawValue {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
  }

  boolean unset() {
    return text.isBlank();
  }
}
