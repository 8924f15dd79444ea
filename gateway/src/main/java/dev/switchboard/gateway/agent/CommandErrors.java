package dev.switchboard.gateway.agent;

import dev.switchboard.channels.phone.calls.CallControlException;
import dev.switchboard.routing.customer.InvalidCustomerException;
import dev.switchboard.routing.dispatch.ContactStateException;
import dev.switchboard.routing.dispatch.InvalidCodeException;
import dev.switchboard.routing.dispatch.OfferExpiredException;
import dev.switchboard.routing.dispatch.UnknownAgentException;
import dev.switchboard.routing.dispatch.UnknownContactException;
import dev.switchboard.routing.dispatch.UnknownQueueException;
import dev.switchboard.routing.store.StoreUnavailableException;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps a failed command to the {@code result} frame: a stable code and a specific message. */
final class CommandErrors {

  private static final Map<Class<? extends Throwable>, String> CODES = new LinkedHashMap<>();

  static {
    CODES.put(CallControlException.class, "call-state");
    CODES.put(OfferExpiredException.class, "offer-expired");
    CODES.put(UnknownContactException.class, "unknown-contact");
    CODES.put(ContactStateException.class, "contact-state");
    CODES.put(InvalidCodeException.class, "invalid-code");
    CODES.put(UnknownQueueException.class, "unknown-queue");
    CODES.put(UnknownAgentException.class, "unknown-agent");
    CODES.put(InvalidCustomerException.class, "invalid-customer");
    CODES.put(StoreUnavailableException.class, "unavailable");
    CODES.put(IllegalArgumentException.class, "bad-request");
  }

  private CommandErrors() {}

  /** The code of a failure, or {@code internal} when it is not one the desktop can act on. */
  static String code(Throwable failure) {
    if (failure instanceof CommandException command) {
      return command.code();
    }
    for (Map.Entry<Class<? extends Throwable>, String> entry : CODES.entrySet()) {
      if (entry.getKey().isInstance(failure)) {
        return entry.getValue();
      }
    }
    return "internal";
  }

  static JsonObject result(Object id, Throwable failure) {
    String code = code(failure);
    String message = switch (code) {
      case "internal" -> "the server failed to carry out the command; try again, and report it if it persists";
      case "unavailable" -> "Redis is unreachable; the server retries by itself, try again in a few seconds";
      case "offer-expired" -> "offer expired: " + failure.getMessage();
      default -> failure.getMessage();
    };
    return new JsonObject().put("type", "result").put("id", id).put("ok", false).put("code", code)
        .put("error", message);
  }
}
