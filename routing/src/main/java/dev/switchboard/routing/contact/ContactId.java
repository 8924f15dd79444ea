package dev.switchboard.routing.contact;

import dev.switchboard.routing.internal.IdSyntax;
import java.security.SecureRandom;
import java.util.Objects;

/** A contact's id: 1-64 letters, digits, {@code . _ -}. */
public record ContactId(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public ContactId {
    Objects.requireNonNull(value, "value");
    if (!IdSyntax.matches(value, 64, true, "._-", true)) {
      throw new IllegalArgumentException("contact id '" + value
          + "' is invalid: use 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  /** A new unique id: the millisecond time and 64 random bits, both base 36. */
  public static ContactId random() {
    return new ContactId(Long.toString(System.currentTimeMillis(), 36) + "-"
        + Long.toUnsignedString(RANDOM.nextLong(), 36));
  }

  @Override
  public String toString() {
    return value;
  }
}
