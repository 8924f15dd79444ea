package dev.switchboard.gateway.chat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.Identities;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.customer.InvalidIdentityException;
import dev.switchboard.routing.customer.Lookup;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds the customer a visitor is: a site-signed user id first (verified in constant time), then the email, then
 * the phone. A single match is used; several are left for the agent's pick-list (no customer on the contact); no
 * match creates a new record tagged {@code unverified} (never merged into an existing one). Non-blocking.
 */
final class CustomerMatching {

  private final CustomerDirectory directory;
  private final IdentityNormalizer normalizer;
  private final Clock clock;

  CustomerMatching(CustomerDirectory directory, IdentityNormalizer normalizer, Clock clock) {
    this.directory = directory;
    this.normalizer = normalizer;
    this.clock = clock;
  }

  /** Who the visitor is and how we know, creating a record when nobody matches; fails with FrameException on bad input. */
  Future<VisitorMatch> match(ChatSite site, VisitorFrame.Start start) {
    Optional<String> verifiedUser;
    Optional<String> email;
    Optional<String> phone;
    try {
      verifiedUser = start.identity().map(identity -> verified(site, identity));
      email = start.email().map(value -> normalized(IdentityType.EMAIL, value));
      phone = start.phone().map(value -> normalized(IdentityType.PHONE, value));
    } catch (FrameException e) {
      return Future.failedFuture(e);
    }
    return lookup(IdentityType.VISITOR, "verified", verifiedUser)
        .compose(found -> found.isPresent() ? Future.succeededFuture(found) : lookup(IdentityType.EMAIL, "email", email))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found) : lookup(IdentityType.PHONE, "phone", phone))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : create(start.name(), verifiedUser, email, phone).map(id -> new VisitorMatch(Optional.of(id), "new",
                email.or(() -> phone), false, Optional.empty())));
  }

  /** Empty when nothing matched; a match without customer when several did (ambiguous, for the agent to pick). */
  private Future<Optional<VisitorMatch>> lookup(IdentityType type, String how, Optional<String> value) {
    if (value.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return directory.lookup(type, value.get()).map(lookup -> decide(lookup, how));
  }

  private static Optional<VisitorMatch> decide(Lookup lookup, String how) {
    if (!lookup.found()) {
      return Optional.empty();
    }
    if (lookup.ambiguous()) {
      return Optional.of(new VisitorMatch(Optional.empty(), how, Optional.of(lookup.normalized()), true,
          Optional.empty()));
    }
    Customer customer = lookup.matches().get(0).customer();
    return Optional.of(new VisitorMatch(Optional.of(customer.id()), how, Optional.of(lookup.normalized()), false,
        customer.accountOwner().filter(AgentId::isValid).map(AgentId::new)));
  }

  private Future<CustomerId> create(String name, Optional<String> user, Optional<String> email, Optional<String> phone) {
    CustomerId id = new CustomerId("chat-" + UUID.randomUUID());
    Identities identities = new Identities(phone.map(List::of).orElse(List.of()), email.map(List::of).orElse(List.of()),
        user.map(List::of).orElse(List.of()), Optional.empty());
    List<String> tags = user.isPresent() ? List.of("web-chat") : List.of("web-chat", "unverified");
    Customer customer = new Customer(id, name, "standard", BigDecimal.ZERO, tags, Optional.empty(), Optional.empty(),
        "", Map.of("source", "web-chat", "verified", Boolean.toString(user.isPresent())), identities, clock.instant());
    return directory.save(customer).map(Customer::id);
  }

  private String normalized(IdentityType type, String value) {
    try {
      return normalizer.normalize(type, value).value();
    } catch (InvalidIdentityException e) {
      throw new FrameException("invalid-" + type.wireName(), e.getMessage());
    }
  }

  private static String verified(ChatSite site, VisitorFrame.Identity identity) {
    String key = site.identitySecret().orElseThrow(() -> new FrameException("bad-identity",
        "site " + site.id() + " has no identity key: send the start frame without 'identity'"));
    byte[] expected = HexFormat.of().formatHex(hmac(key, identity.userId())).getBytes(StandardCharsets.US_ASCII);
    byte[] given = identity.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new FrameException("bad-identity", "identity signature does not match the user id: sign the user id "
          + "with HMAC-SHA256 and the site's identity key, hex-encoded");
    }
    return identity.userId();
  }

  static byte[] hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
