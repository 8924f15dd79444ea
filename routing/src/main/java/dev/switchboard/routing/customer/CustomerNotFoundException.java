package dev.switchboard.routing.customer;

import java.util.Objects;

/** An operation named a customer id that has no record. */
public final class CustomerNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final CustomerId id;

  public CustomerNotFoundException(CustomerId id, String message) {
    super(message);
    this.id = Objects.requireNonNull(id, "id");
  }

  public CustomerId id() {
    return id;
  }
}
