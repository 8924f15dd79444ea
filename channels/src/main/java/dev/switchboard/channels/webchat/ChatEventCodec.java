package dev.switchboard.channels.webchat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** The JSON form of stored messages and published events, shared with the Lua scripts. */
final class ChatEventCodec {

  private ChatEventCodec() {}

  static ChatMessage message(ConversationId conversation, String json) {
    JsonObject message = new JsonObject(json);
    String clientId = message.getString("clientId", "");
    return new ChatMessage(conversation, message.getLong("seq"), Sender.valueOf(message.getString("sender")),
        message.getString("author"), message.getString("text"), Instant.ofEpochMilli(message.getLong("at")),
        clientId.isEmpty() ? Optional.empty() : Optional.of(clientId));
  }

  static String typing(ChatEvent.Typing typing) {
    return new JsonObject().put("type", "typing").put("conversation", typing.conversation().value())
        .put("sender", typing.sender().name()).put("at", typing.at().toEpochMilli()).encode();
  }

  static ChatEvent event(String json) {
    JsonObject event = new JsonObject(json);
    ConversationId conversation = new ConversationId(event.getString("conversation"));
    return switch (event.getString("type")) {
      case "posted" -> new ChatEvent.Posted(message(conversation, event.getString("message")));
      case "typing" -> new ChatEvent.Typing(conversation, Sender.valueOf(event.getString("sender")),
          Instant.ofEpochMilli(event.getLong("at")));
      case "ended" -> new ChatEvent.Ended(conversation, Sender.valueOf(event.getString("by")),
          Instant.ofEpochMilli(event.getLong("at")));
      default -> throw new IllegalArgumentException("unknown chat event type '" + event.getString("type") + "'");
    };
  }
}
