package dev.switchboard.routing.customer;

import java.util.Objects;

/**
 * An identity value in stored form.
 *
 * @param input the value as it was given
 * @param value the normalized value (E.164 phone, lower-cased email, trimmed id)
 * @param exact true when {@code input} was already in stored form
 */
public record NormalizedIdentity(IdentityType type, String input, String value, boolean exact) {

  public NormalizedIdentity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(value, "value");
  }
}
