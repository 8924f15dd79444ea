package dev.switchboard.routing.dispatch;

/** No such contact (never created, or ended and expired). Nothing was changed. */
public final class UnknownContactException extends RoutingException {

  private static final long serialVersionUID = 1L;

  public UnknownContactException(String message) {
    super(message);
  }
}
