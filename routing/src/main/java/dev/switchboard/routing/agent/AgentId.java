package dev.switchboard.routing.agent;

import dev.switchboard.routing.internal.IdSyntax;
import java.util.Objects;

/** An agent's id (usually the login name): 1-64 letters, digits, {@code . _ @ -}. */
public record AgentId(String value) {

  /** Whether {@code value} would make a valid agent id. */
  public static boolean isValid(String value) {
    return value != null && valid(value);
  }

  public AgentId {
    Objects.requireNonNull(value, "value");
    if (!valid(value)) {
      throw new IllegalArgumentException("agent id '" + value
          + "' is invalid: use 1-64 letters, digits, '.', '_', '@' or '-'");
    }
  }

  private static boolean valid(String value) {
    return IdSyntax.matches(value, 64, true, "._@-", true);
  }

  @Override
  public String toString() {
    return value;
  }
}
