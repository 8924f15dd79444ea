package dev.switchboard.routing.agent;

import java.util.Objects;
import java.util.regex.Pattern;

/** An agent's id (usually the login name): 1-64 letters, digits, {@code . _ @ -}. */
public record AgentId(String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Whether {@code value} would make a valid agent id. */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  public AgentId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("agent id '" + value
          + "' is invalid: use 1-64 letters, digits, '.', '_', '@' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
