package dev.switchboard.routing.customer;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a lookup by identity: what was asked, its normalized form, and every customer that
 * holds it. More than one match is a pick-list for the agent, never merged.
 */
public record Lookup(IdentityType type, String query, String normalized, List<Match> matches) {

  public Lookup {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(normalized, "normalized");
    matches = List.copyOf(matches);
  }

  public boolean ambiguous() {
    return matches.size() > 1;
  }

  public boolean found() {
    return !matches.isEmpty();
  }
}
