package dev.switchboard.config;

import java.util.Objects;

/**
 * A secret read from the environment. Its value never appears in {@link #toString()}.
 *
 * @param variable the environment variable it came from, safe to show in messages
 * @param value the secret itself
 */
public record Secret(String variable, String value) {

  public Secret {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "Secret[env:" + variable + "]";
  }
}
