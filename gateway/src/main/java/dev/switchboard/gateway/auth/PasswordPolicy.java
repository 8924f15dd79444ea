package dev.switchboard.gateway.auth;

/** What a new password must be: 10 to 128 characters. Messages never repeat the password. */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Returns {@code password} when acceptable; otherwise says why, without the password. */
  public static String check(String password) {
    if (password == null) {
      throw new IllegalArgumentException("a password is required (" + MIN_LENGTH + " to " + MAX_LENGTH
          + " characters)");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new IllegalArgumentException("password must be " + MIN_LENGTH + " to " + MAX_LENGTH
          + " characters long, got " + length + "; a passphrase of a few words is easy to remember");
    }
    if (password.isBlank()) {
      throw new IllegalArgumentException("password must not be only spaces");
    }
    return password;
  }
}
