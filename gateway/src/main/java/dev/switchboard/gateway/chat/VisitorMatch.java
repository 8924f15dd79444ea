package dev.switchboard.gateway.chat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.customer.CustomerId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a visitor turned out to be, and how we know: what the screen-pop explains to the agent.
 *
 * @param customer empty when several customers hold the identity (the agent picks from a list)
 * @param how {@code verified} (a site-signed user id), {@code email}, {@code phone}, or {@code new}
 *     (nobody matched; a new unverified record was created)
 * @param value the normalized identity that matched
 * @param preferredAgent the matched customer's account owner, for relationship routing
 */
record VisitorMatch(Optional<CustomerId> customer, String how, Optional<String> value, boolean ambiguous,
    Optional<AgentId> preferredAgent) {

  VisitorMatch {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(how, "how");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(preferredAgent, "preferredAgent");
  }

  /** The contact attributes the agent desktop's screen-pop reads ({@code match}, {@code matchValue}, {@code ambiguous}). */
  Map<String, String> attributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("match", how);
    value.ifPresent(matched -> attributes.put("matchValue", matched));
    if (ambiguous) {
      attributes.put("ambiguous", "true");
    }
    return attributes;
  }
}
