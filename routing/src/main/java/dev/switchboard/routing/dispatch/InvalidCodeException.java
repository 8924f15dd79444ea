package dev.switchboard.routing.dispatch;

/** A reason code or disposition code the center does not know. Nothing was changed. */
public final class InvalidCodeException extends RoutingException {

  private static final long serialVersionUID = 1L;

  public InvalidCodeException(String message) {
    super(message);
  }
}
