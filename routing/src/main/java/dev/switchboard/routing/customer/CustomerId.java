package dev.switchboard.routing.customer;

import dev.switchboard.routing.internal.IdSyntax;
import java.util.Objects;

/** A customer's id: 1-64 characters of letters, digits, {@code . _ : -}. */
public record CustomerId(String value) {

  public CustomerId {
    Objects.requireNonNull(value, "value");
    if (!IdSyntax.matches(value, 64, true, "._:-", true)) {
      throw new IllegalArgumentException(
          "customer id '" + abbreviate(value) + "' is invalid: use 1-64 letters, digits, '.', '_', ':' or '-'");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 70 ? value : value.substring(0, 67) + "...";
  }

  @Override
  public String toString() {
    return value;
  }
}
