package dev.switchboard.gateway.chat;

/** A visitor frame that cannot be served; becomes {@code {type:"error", code, message}} on the socket. */
final class FrameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  FrameException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
