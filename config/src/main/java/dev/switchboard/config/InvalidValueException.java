package dev.switchboard.config;

/** A value its type cannot read; the message says what was expected and what was found. */
final class InvalidValueException extends Exception {

  private static final long serialVersionUID = 1L;

  InvalidValueException(String reason) {
    super(reason, null, false, false);
  }
}
