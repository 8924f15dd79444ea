package dev.switchboard.routing.internal;

/** The routing script refused an operation; {@code code} says why, the message says what and where. */
public final class ScriptRejection extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String code;

  public ScriptRejection(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
