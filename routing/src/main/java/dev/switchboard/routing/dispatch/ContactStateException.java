package dev.switchboard.routing.dispatch;

/** The contact is not in a state that allows the operation (e.g. completing a queued contact). Nothing was changed. */
public final class ContactStateException extends RoutingException {

  private static final long serialVersionUID = 1L;

  public ContactStateException(String message) {
    super(message);
  }
}
