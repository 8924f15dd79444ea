package dev.switchboard.routing.customer;

import java.util.Locale;

/** The ways a contact can identify a customer. */
public enum IdentityType {
  /** A phone number, stored in E.164. */
  PHONE,
  /** An email address, stored lower-cased and trimmed. */
  EMAIL,
  /** The web chat widget's visitor id, stored as given. */
  VISITOR,
  /** The id of the customer in an external CRM, stored as given. */
  CRM;

  /** The name used in URLs and JSON: {@code phone}, {@code email}, {@code visitor}, {@code crm}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a wire name; unknown names get an error listing the valid ones. */
  public static IdentityType fromWire(String name) {
    for (IdentityType type : values()) {
      if (type.wireName().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown identity type '" + name + "': use one of phone, email, visitor, crm");
  }
}
