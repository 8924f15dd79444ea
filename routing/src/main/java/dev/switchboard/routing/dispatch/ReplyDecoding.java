package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.contact.Outcome;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.internal.ScriptRejection;
import dev.switchboard.routing.queue.QueueId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the routing script's replies: offers made, contacts ended, refusals as typed exceptions. */
final class ReplyDecoding {

  private ReplyDecoding() {}

  static List<Offer> offers(JsonObject reply) {
    return list(reply, "offers").stream().map(json -> new Offer(new ContactId(json.getString("contact")),
        new AgentId(json.getString("agent")), Channel.valueOf(json.getString("channel")),
        new QueueId(json.getString("queue")), Instant.ofEpochMilli(json.getLong("deadline")))).toList();
  }

  static List<EndedContact> ended(JsonObject reply) {
    return list(reply, "ended").stream().map(ReplyDecoding::endedContact).toList();
  }

  static EndedContact endedContact(JsonObject hash) {
    Map<String, String> attributes = new HashMap<>();
    new JsonObject(hash.getString("attrs", "{}")).forEach(e -> attributes.put(e.getKey(), String.valueOf(e.getValue())));
    return new EndedContact(new ContactId(hash.getString("id")), Channel.valueOf(hash.getString("ch")),
        new QueueId(hash.getString("q")), text(hash, "cust").map(CustomerId::new),
        Outcome.valueOf(text(hash, "outcome").orElseThrow()), Instant.ofEpochMilli(millis(hash, "entry")),
        Instant.ofEpochMilli(millis(hash, "endAt")), Duration.ofMillis(millis(hash, "waitMs")),
        Duration.ofMillis(millis(hash, "ring")), Duration.ofMillis(millis(hash, "handleMs")),
        Duration.ofMillis(millis(hash, "wrapMs")), text(hash, "agent").map(AgentId::new),
        text(hash, "disp"), text(hash, "notes").orElse(""), attributes);
  }

  /** The typed failure for a script refusal; other failures pass unchanged. */
  static Throwable typed(Throwable failure) {
    if (!(failure instanceof ScriptRejection rejection)) {
      return failure;
    }
    return switch (rejection.code()) {
      case "unknown-queue" -> new UnknownQueueException(rejection.getMessage());
      case "unknown-contact" -> new UnknownContactException(rejection.getMessage());
      case "offer-expired" -> new OfferExpiredException(rejection.getMessage());
      case "contact-state" -> new ContactStateException(rejection.getMessage());
      case "unknown-agent" -> new UnknownAgentException(rejection.getMessage());
      case "invalid-code" -> new InvalidCodeException(rejection.getMessage());
      case "unsupported-channel" -> new UnsupportedChannelException(rejection.getMessage());
      default -> new RoutingException(rejection.getMessage());
    };
  }

  static <T> Future<T> typedFailure(Throwable failure) {
    return Future.failedFuture(typed(failure));
  }

  /** A number the script sent either as a Redis string or as a Lua number. */
  static long millis(JsonObject hash, String field) {
    Object value = hash.getValue(field);
    if (value instanceof Number number) {
      return number.longValue();
    }
    return value == null || value.toString().isEmpty() ? 0L : (long) Double.parseDouble(value.toString());
  }

  static Optional<String> text(JsonObject hash, String field) {
    Object value = hash.getValue(field);
    return value == null || value.toString().isEmpty() ? Optional.empty() : Optional.of(value.toString());
  }

  private static List<JsonObject> list(JsonObject reply, String field) {
    Object value = reply.getValue(field);
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().map(JsonObject.class::cast).toList();
  }
}
