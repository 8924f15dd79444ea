package dev.switchboard.routing.dispatch;

/** A routing operation refused because of the request or the contact's state; nothing was changed. */
public class RoutingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RoutingException(String message) {
    super(message);
  }
}
