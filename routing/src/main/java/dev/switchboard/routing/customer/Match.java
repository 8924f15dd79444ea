package dev.switchboard.routing.customer;

import java.util.Objects;

/**
 * One customer found by a lookup, and how.
 *
 * @param matchedOn the identity type that matched
 * @param value the stored, normalized identity value that matched
 * @param exact true when the query was already in stored form; false when it matched only after
 *     normalization (e.g. {@code 010-1234-5678} read as {@code +821012345678})
 */
public record Match(Customer customer, IdentityType matchedOn, String value, boolean exact) {

  public Match {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(matchedOn, "matchedOn");
    Objects.requireNonNull(value, "value");
  }
}
