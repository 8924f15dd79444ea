package dev.switchboard.gateway.auth;

import dev.switchboard.routing.internal.IdSyntax;
import java.util.Objects;

/** The sign-in name of an account: 1 to 64 of a-z, 0-9, '.', '_' and '-', like an agent id. */
public record AccountId(String value) {

  public AccountId {
    Objects.requireNonNull(value, "account id");
    if (!isValid(value)) {
      throw new IllegalArgumentException("account id '" + shorten(value)
          + "' is invalid: use 1 to 64 lower-case letters, digits, '.', '_' or '-'");
    }
  }

  /** True when {@code value} would make a valid id; lets callers avoid exceptions for untrusted input. */
  public static boolean isValid(String value) {
    return value != null && IdSyntax.matches(value, 64, false, "._-", true);
  }

  private static String shorten(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "..." : value;
  }

  @Override
  public String toString() {
    return value;
  }
}
