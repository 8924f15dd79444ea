package dev.switchboard.routing.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer record as screen-pop shows it.
 *
 * @param tier a short lower-case label such as {@code standard}, {@code gold}, {@code vip}
 * @param lifetimeValue what the customer has been worth, in the center's currency
 * @param accountOwner id of the agent who owns the account, preferred by routing
 * @param attributes free-form key/value pairs from the CRM
 * @param updatedAt when the record was last written; set by the directory
 */
public record Customer(
    CustomerId id,
    String name,
    String tier,
    BigDecimal lifetimeValue,
    List<String> tags,
    Optional<String> language,
    Optional<String> accountOwner,
    String notes,
    Map<String, String> attributes,
    Identities identities,
    Instant updatedAt) {

  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(lifetimeValue, "lifetimeValue");
    tags = List.copyOf(tags);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(accountOwner, "accountOwner");
    Objects.requireNonNull(notes, "notes");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(identities, "identities");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public Customer withUpdatedAt(Instant when) {
    return new Customer(id, name, tier, lifetimeValue, tags, language, accountOwner, notes,
        attributes, identities, when);
  }
}
