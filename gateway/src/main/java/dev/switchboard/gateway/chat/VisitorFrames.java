package dev.switchboard.gateway.chat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Reads visitor frames from JSON text, naming the field and the fix when one is wrong. Stateless. */
final class VisitorFrames {

  static final int MAX_NAME = 100;
  static final int MAX_COMMENT = 1000;

  private final int maxFrameChars;
  private final int maxText;

  VisitorFrames(int maxFrameChars, int maxText) {
    this.maxFrameChars = maxFrameChars;
    this.maxText = maxText;
  }

  VisitorFrame read(String text) {
    if (text.length() > maxFrameChars) {
      throw new FrameException("too-large", "frame of " + text.length() + " characters exceeds the limit of "
          + maxFrameChars + ": send shorter messages");
    }
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new FrameException("bad-frame", "frame is not a JSON object: send {\"type\": ..., ...}");
    }
    String type = json.getValue("type") instanceof String value ? value : "";
    return switch (type) {
      case "start" -> start(json);
      case "send" -> new VisitorFrame.Send(messageText(json, "text", maxText), optional(json, "clientId", 64));
      case "typing" -> new VisitorFrame.Typing();
      case "end" -> new VisitorFrame.End();
      case "survey" -> survey(json);
      case "leave-message" -> new VisitorFrame.LeaveMessage(required(json, "name", MAX_NAME),
          required(json, "email", 254), messageText(json, "text", maxText));
      case "callback" -> new VisitorFrame.Callback(required(json, "phone", 32), optional(json, "when", 40));
      case "transcript" -> new VisitorFrame.Transcript(required(json, "email", 254));
      case "ping" -> new VisitorFrame.Ping();
      default -> throw new FrameException("bad-frame", "unknown frame type '" + shorten(type)
          + "': use start, send, typing, end, survey, leave-message, callback, transcript or ping");
    };
  }

  private VisitorFrame.Start start(JsonObject json) {
    Optional<VisitorFrame.Identity> identity = Optional.ofNullable(object(json, "identity"))
        .map(id -> new VisitorFrame.Identity(required(id, "userId", 128), required(id, "signature", 128)));
    Optional<VisitorFrame.Resume> resume = Optional.ofNullable(object(json, "resume"))
        .map(r -> new VisitorFrame.Resume(required(r, "conversation", 64), required(r, "token", 128), lastSeq(r)));
    String name = resume.isPresent() ? optional(json, "name", MAX_NAME).orElse("") : required(json, "name", MAX_NAME);
    return new VisitorFrame.Start(required(json, "queue", 64), name, optional(json, "email", 254),
        optional(json, "phone", 32), identity, resume);
  }

  private static VisitorFrame.Survey survey(JsonObject json) {
    Object rating = json.getValue("rating");
    if (!(rating instanceof Number number) || number.doubleValue() != number.intValue()
        || number.intValue() < 1 || number.intValue() > 5) {
      throw new FrameException("bad-frame", "survey rating must be a whole number from 1 to 5");
    }
    return new VisitorFrame.Survey(number.intValue(), optional(json, "comment", MAX_COMMENT).orElse(""));
  }

  private static long lastSeq(JsonObject resume) {
    Object value = resume.getValue("lastSeq");
    if (!(value instanceof Number number) || number.longValue() < 0) {
      throw new FrameException("bad-frame", "resume.lastSeq must be the seq of the last message seen, 0 or more");
    }
    return number.longValue();
  }

  private static JsonObject object(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof JsonObject)) {
      throw new FrameException("bad-frame", "'" + field + "' must be an object");
    }
    return (JsonObject) value;
  }

  private String messageText(JsonObject json, String field, int limit) {
    String text = required(json, field, Integer.MAX_VALUE);
    int length = text.codePointCount(0, text.length());
    if (length > limit) {
      throw new FrameException("too-long", "'" + field + "' is " + length + " characters long: the limit is " + limit
          + "; split it into several messages");
    }
    return text;
  }

  static String required(JsonObject json, String field, int limit) {
    return optional(json, field, limit).orElseThrow(() ->
        new FrameException("bad-frame", "'" + field + "' is missing: give a non-empty text value"));
  }

  static Optional<String> optional(JsonObject json, String field, int limit) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new FrameException("bad-frame", "'" + field + "' must be a text value");
    }
    if (text.isBlank()) {
      return Optional.empty();
    }
    if (text.length() > limit) {
      throw new FrameException("too-long", "'" + field + "' is " + text.length() + " characters long: the limit is "
          + limit);
    }
    return Optional.of(text);
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 37) + "...";
  }
}
