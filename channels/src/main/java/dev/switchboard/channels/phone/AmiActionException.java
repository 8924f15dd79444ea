package dev.switchboard.channels.phone;

/** An AMI action failed: the link was down, Asterisk answered with an error, or no answer came in time. */
public class AmiActionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AmiActionException(String message) {
    super(message);
  }

  public AmiActionException(String message, Throwable cause) {
    super(message, cause);
  }
}
