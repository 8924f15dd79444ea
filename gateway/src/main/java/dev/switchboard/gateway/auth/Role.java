package dev.switchboard.gateway.auth;

import java.util.Locale;

/** What an account may do. Each role includes the ones before it: an admin is also a supervisor and an agent. */
public enum Role {
  AGENT,
  SUPERVISOR,
  ADMIN;

  /** True when this role grants everything {@code needed} grants. */
  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** The lower-case name used in JSON and in Redis. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code agent}, {@code supervisor} or {@code admin} (any case). */
  public static Role named(String name) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("role '" + name + "' is unknown: use agent, supervisor or admin");
  }
}
