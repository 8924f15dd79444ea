package dev.switchboard.gateway.auth;

/** An account with this id exists already. */
public final class AccountExistsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient AccountId id;

  public AccountExistsException(AccountId id) {
    super("Account '" + id + "' already exists", null, false, false);
    this.id = id;
  }

  public AccountId id() {
    return id;
  }
}
