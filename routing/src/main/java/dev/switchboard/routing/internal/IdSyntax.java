package dev.switchboard.routing.internal;

/**
 * The character check behind the id types (agent, contact, queue, customer, and the gateway's account ids and
 * session tokens), done by hand: ids are decoded from every routing event and checked on every request, and a
 * regular expression there would allocate a matcher per id.
 */
public final class IdSyntax {

  private IdSyntax() {}

  /**
   * Whether {@code value} has 1 to {@code maxLength} characters, each an ASCII digit, a lower-case letter (an
   * upper-case one too if {@code upperCase}), or one of {@code punctuation}, which may not start the id unless
   * {@code punctuationFirst}.
   */
  public static boolean matches(String value, int maxLength, boolean upperCase, String punctuation,
      boolean punctuationFirst) {
    int length = value.length();
    if (length == 0 || length > maxLength) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (upperCase && c >= 'A' && c <= 'Z');
      if (!alphanumeric && (punctuation.indexOf(c) < 0 || (i == 0 && !punctuationFirst))) {
        return false;
      }
    }
    return true;
  }
}
