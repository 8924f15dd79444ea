package dev.switchboard.config;

import java.util.Locale;

/** What an account may do in the web desktop: answer contacts, also supervise, or also administer. */
public enum AgentRole {
  AGENT,
  SUPERVISOR,
  ADMIN;

  /** The name written in the file, e.g. {@code supervisor}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
