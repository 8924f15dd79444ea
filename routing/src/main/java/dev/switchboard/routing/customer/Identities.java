package dev.switchboard.routing.customer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identities a customer is known by, already normalized (phones in E.164, emails lower-cased).
 * Use {@link IdentityNormalizer} to build one from raw input.
 */
public record Identities(
    List<String> phones, List<String> emails, List<String> visitorIds, Optional<String> crmId) {

  public static final Identities NONE = new Identities(List.of(), List.of(), List.of(), Optional.empty());

  public Identities {
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    visitorIds = List.copyOf(visitorIds);
    Objects.requireNonNull(crmId, "crmId");
  }

  /** The normalized values of one type. */
  public List<String> of(IdentityType type) {
    return switch (type) {
      case PHONE -> phones;
      case EMAIL -> emails;
      case VISITOR -> visitorIds;
      case CRM -> crmId.map(List::of).orElse(List.of());
    };
  }
}
