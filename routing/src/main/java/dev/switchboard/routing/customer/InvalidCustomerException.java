package dev.switchboard.routing.customer;

import java.util.Objects;

/**
 * A customer record that breaks a rule: the message starts with the field ({@code phones[1]: ...})
 * and says what is wrong and what to do.
 */
public final class InvalidCustomerException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidCustomerException(String field, String reason) {
    super(field + ": " + reason);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The offending field, e.g. {@code name} or {@code phones[1]}. */
  public String field() {
    return field;
  }
}
