package dev.switchboard.gateway.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in. The password is only ever held as its {@link PasswordHasher} encoding;
 * {@link #toString()} leaves it out.
 */
public record Account(AccountId id, String displayName, Role role, String passwordHash, boolean disabled,
    Instant created, Instant updated) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
    displayName = displayName.strip();
    if (displayName.isEmpty() || displayName.length() > 100) {
      throw new IllegalArgumentException("display name of account '" + id + "' must be 1 to 100 characters, got "
          + displayName.length());
    }
  }

  /** True when this account may sign in and act with {@code needed}. */
  public boolean grants(Role needed) {
    return !disabled && role.includes(needed);
  }

  public Account withDetails(String newDisplayName, Role newRole, boolean newDisabled, Instant now) {
    return new Account(id, newDisplayName, newRole, passwordHash, newDisabled, created, now);
  }

  public Account withPasswordHash(String newHash, Instant now) {
    return new Account(id, displayName, role, newHash, disabled, created, now);
  }

  @Override
  public String toString() {
    return "Account[id=" + id + ", role=" + role.wireName() + ", disabled=" + disabled + "]";
  }
}
