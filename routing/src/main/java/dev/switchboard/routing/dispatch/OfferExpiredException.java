package dev.switchboard.routing.dispatch;

/** The offer is no longer open to this agent: it timed out, was withdrawn, or went to someone else. Nothing was changed. */
public final class OfferExpiredException extends RoutingException {

  private static final long serialVersionUID = 1L;

  public OfferExpiredException(String message) {
    super(message);
  }
}
