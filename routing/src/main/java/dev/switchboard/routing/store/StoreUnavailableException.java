package dev.switchboard.routing.store;

/** Redis could not be reached or did not answer in time; the caller may retry later. */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
