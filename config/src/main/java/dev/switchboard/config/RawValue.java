package dev.switchboard.config;

import java.util.Objects;

/**
 * A value as written, before its type reads it. Empty text means "not set": the key falls back
 * to its default, even when a lower layer (the file) gave it a value.
 */
record RawValue(String text, Origin origin) {

  RawValue {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
  }

  boolean unset() {
    return text.isBlank();
  }
}
