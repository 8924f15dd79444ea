package dev.switchboard.routing.customer;

import java.util.Objects;
import java.util.regex.Pattern;

/** A customer's id: 1-64 characters of letters, digits, {@code . _ : -}. */
public record CustomerId(String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public CustomerId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
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
