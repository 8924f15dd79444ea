package dev.switchboard.routing.customer;

/** An identity value that cannot be read: the message says which value and why. */
public final class InvalidIdentityException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final IdentityType type;

  public InvalidIdentityException(IdentityType type, String message) {
    super(message);
    this.type = type;
  }

  public IdentityType type() {
    return type;
  }
}
