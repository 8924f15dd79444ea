package dev.switchboard.channels.phone.calls;

/** A call control request that cannot be done in the call's present state; nothing was changed. */
public final class CallControlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CallControlException(String message) {
    super(message);
  }
}
