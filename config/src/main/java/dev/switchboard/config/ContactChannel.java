package dev.switchboard.config;

import java.util.Locale;

/**
 * A channel as the configuration names it ({@code voice}, {@code chat}, {@code email},
 * {@code callback}); the same constants as the router's channels, so one maps to the other by name.
 */
public enum ContactChannel {
  VOICE,
  CHAT,
  EMAIL,
  CALLBACK;

  /** The name written in the file, e.g. {@code voice}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
