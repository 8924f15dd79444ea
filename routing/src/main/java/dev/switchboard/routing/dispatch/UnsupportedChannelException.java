package dev.switchboard.routing.dispatch;

/** The queue does not take contacts of this channel. Nothing was changed. */
public final class UnsupportedChannelException extends RoutingException {

  private static final long serialVersionUID = 1L;

  public UnsupportedChannelException(String message) {
    super(message);
  }
}
