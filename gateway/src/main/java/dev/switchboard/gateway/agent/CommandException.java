package dev.switchboard.gateway.agent;

/** A desktop command refused with a stable {@link #code()} and a message saying what to do. */
final class CommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  CommandException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }

  static CommandException badRequest(String message) {
    return new CommandException("bad-request", message);
  }
}
