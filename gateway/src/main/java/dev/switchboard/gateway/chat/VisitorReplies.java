package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ChatMessage;
import dev.switchboard.channels.webchat.Sender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The frames the server sends to a visitor (docs/visitor-protocol.md). Text values are sent as given: never markup. */
final class VisitorReplies {

  static final JsonArray OFFLINE_OPTIONS = new JsonArray().add("message").add("callback");

  private VisitorReplies() {}

  static JsonObject started(String conversation, String token, long seq) {
    return frame("started").put("conversation", conversation).put("token", token).put("seq", seq);
  }

  static JsonObject message(ChatMessage message) {
    JsonObject frame = frame("message").put("seq", message.seq()).put("sender", wire(message.sender()))
        .put("author", message.author()).put("text", message.text()).put("at", message.at().toString());
    message.clientId().ifPresent(id -> frame.put("clientId", id));
    return frame;
  }

  static JsonObject ack(String clientId, long seq) {
    JsonObject frame = frame("ack").put("seq", seq);
    return clientId == null ? frame : frame.put("clientId", clientId);
  }

  static JsonObject queue(WaitEstimates.Place place) {
    return frame("queue").put("position", place.position())
        .put("estimatedWaitSeconds", place.estimatedWait().toSeconds());
  }

  static JsonObject agent(String name) {
    return frame("agent").put("name", name);
  }

  static JsonObject typing(Sender sender) {
    return frame("typing").put("sender", wire(sender));
  }

  static JsonObject ended(Sender by) {
    return frame("ended").put("by", wire(by));
  }

  static JsonObject offline(String reason) {
    return frame("offline").put("options", OFFLINE_OPTIONS.copy()).put("reason", reason);
  }

  static JsonObject error(String code, String message) {
    return frame("error").put("code", code).put("message", message);
  }

  static JsonObject frame(String type) {
    return new JsonObject().put("type", type);
  }

  static String wire(Sender sender) {
    return sender.name().toLowerCase(Locale.ROOT);
  }
}
