package dev.switchboard.gateway.agent;

import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.customer.Lookup;
import dev.switchboard.routing.customer.Match;
import dev.switchboard.routing.dispatch.RoutingEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an offer into the screen-pop frame: the customer record, the newest timeline entries, how
 * the channel matched the customer (contact attributes {@code match}, {@code matchValue},
 * {@code ambiguous}) and, when the match is missing or ambiguous, the pick-list of candidates.
 * A directory failure degrades the pop (the offer still rings) and says so in {@code popError}.
 * Thread-safe; futures complete on the caller's context.
 */
public final class ScreenPop {

  private static final Logger log = LoggerFactory.getLogger(ScreenPop.class);
  static final int TIMELINE_PAGE = 10;
  private static final Map<String, IdentityType> LOOKUP_TYPES = Map.of("phone", IdentityType.PHONE,
      "email", IdentityType.EMAIL, "visitor", IdentityType.VISITOR, "crm", IdentityType.CRM);

  private final CustomerDirectory directory;
  private final CustomerJson json;

  public ScreenPop(CustomerDirectory directory, CustomerJson json) {
    this.directory = directory;
    this.json = json;
  }

  /** The {@code offer} frame of an OFFERED contact change. */
  public Future<JsonObject> offer(RoutingEvent.ContactChanged offer) {
    JsonObject frame = new JsonObject().put("type", "offer").put("seq", offer.seq())
        .put("contact", offer.contact().value())
        .put("channel", EventFrames.wire(offer.channel().name()))
        .put("queue", offer.queue().value())
        .put("deadline", offer.deadline().map(Object::toString).orElse(null))
        .put("match", match(offer.attributes(), offer.customer().isPresent()))
        .put("customer", null).put("candidates", new JsonArray()).put("timeline", new JsonArray());
    Future<Void> customer = offer.customer().map(id -> directory.get(id).compose(found -> {
      if (found.isEmpty()) {
        frame.put("popError", "customer " + id + " is not in the directory");
        return Future.<Void>succeededFuture();
      }
      frame.put("customer", json.toJson(found.get()));
      return directory.timeline(id, Optional.empty(), TIMELINE_PAGE)
          .map(page -> frame.put("timeline", json.toJson(page).getJsonArray("entries"))).<Void>mapEmpty();
    })).orElse(Future.succeededFuture());
    Future<Void> candidates = candidates(offer).map(list -> frame.put("candidates", list)).mapEmpty();
    return Future.join(customer, candidates).map(done -> frame).recover(failure -> {
      log.warn("[contact={}] screen-pop incomplete, offering without it: {}", offer.contact(), failure.toString());
      return Future.succeededFuture(frame.put("popError", "customer data could not be loaded: " + failure.getMessage()));
    });
  }

  /** The candidates for a customer-less or ambiguous offer, from a lookup on the matched identity. */
  private Future<JsonArray> candidates(RoutingEvent.ContactChanged offer) {
    Map<String, String> attributes = offer.attributes();
    IdentityType type = LOOKUP_TYPES.get(attributes.getOrDefault("match", ""));
    String value = attributes.get("matchValue");
    boolean ambiguous = "true".equals(attributes.get("ambiguous"));
    if (type == null || value == null || value.isBlank() || (offer.customer().isPresent() && !ambiguous)) {
      return Future.succeededFuture(new JsonArray());
    }
    return directory.lookup(type, value).map(this::candidates);
  }

  JsonArray candidates(Lookup lookup) {
    JsonArray list = new JsonArray();
    for (Match match : lookup.matches()) {
      list.add(new JsonObject().put("id", match.customer().id().value()).put("name", match.customer().name())
          .put("tier", match.customer().tier()).put("how", CustomerJson.how(match, lookup.query())));
    }
    return list;
  }

  static JsonObject match(Map<String, String> attributes, boolean hasCustomer) {
    String how = attributes.getOrDefault("match", hasCustomer ? "channel" : "none");
    return new JsonObject().put("how", how).put("value", attributes.get("matchValue"))
        .put("ambiguous", "true".equals(attributes.get("ambiguous")))
        .put("explanation", explanation(how, attributes.get("matchValue"), hasCustomer));
  }

  private static String explanation(String how, String value, boolean hasCustomer) {
    String shown = value == null ? "" : " " + value;
    return switch (how) {
      case "verified" -> "Signed-in customer (verified identity)";
      case "phone" -> hasCustomer ? "Matched on caller number" + shown : "No customer holds the number" + shown;
      case "email" -> hasCustomer ? "Matched on email address" + shown : "No customer holds the email address" + shown;
      case "visitor" -> hasCustomer ? "Known chat visitor" + shown : "New chat visitor";
      case "new" -> "New customer created from the chat form" + shown + " (unverified)";
      case "crm" -> "Matched on CRM id" + shown;
      default -> hasCustomer ? "Customer given by the channel" : "Unknown customer";
    };
  }
}
