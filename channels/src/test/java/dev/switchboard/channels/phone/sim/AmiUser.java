package dev.switchboard.channels.phone.sim;

import java.util.Objects;
import java.util.Set;

/**
 * A {@code [user]} of the simulated manager.conf: its secret and its {@code read} classes. Like Asterisk, the
 * simulator sends a session only the events of a class the user may read ({@code all} reads every class).
 */
record AmiUser(String secret, Set<String> reads) {

  /** The least-privilege user docs/asterisk.md sets up: {@code read = call}. */
  static final Set<String> CALL_ONLY = Set.of("call");

  AmiUser {
    Objects.requireNonNull(secret, "secret");
    reads = Set.copyOf(reads);
  }

  /** Whether an event whose {@code Privilege:} is {@code privilege} (e.g. {@code "dialplan,all"}) reaches this user. */
  boolean reads(String privilege) {
    if (reads.contains("all")) {
      return true;
    }
    int comma = privilege.indexOf(',');
    return reads.contains(comma < 0 ? privilege : privilege.substring(0, comma));
  }
}
