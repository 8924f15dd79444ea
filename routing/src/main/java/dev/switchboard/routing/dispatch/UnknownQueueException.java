package dev.switchboard.routing.dispatch;

/** The contact named a queue the center does not have. Nothing was changed. */
public final class UnknownQueueException extends RoutingException {

  private static final long serialVersionUID = 1L;

  public UnknownQueueException(String message) {
    super(message);
  }
}
