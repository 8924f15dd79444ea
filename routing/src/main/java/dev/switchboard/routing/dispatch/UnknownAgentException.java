package dev.switchboard.routing.dispatch;

/** The agent is not logged in (or was never known to the center). Nothing was changed. */
public final class UnknownAgentException extends RoutingException {

  private static final long serialVersionUID = 1L;

  public UnknownAgentException(String message) {
    super(message);
  }
}
