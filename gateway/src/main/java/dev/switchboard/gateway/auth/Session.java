package dev.switchboard.gateway.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session as stored: whose it is, the role it was opened with, when it began, and
 * when it ends at the latest ({@code absoluteExpiry}); it ends earlier after the idle timeout.
 */
public record Session(AccountId account, Role role, Instant created, Instant absoluteExpiry) {

  public Session {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(absoluteExpiry, "absoluteExpiry");
  }
}
