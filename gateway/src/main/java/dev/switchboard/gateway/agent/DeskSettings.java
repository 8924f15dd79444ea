package dev.switchboard.gateway.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Timings and limits of agent desktop connections.
 *
 * @param pingInterval how often the server pings each desktop
 * @param silenceLimit a desktop that sent nothing for this long is dead and its socket is closed
 * @param helloTimeout how long a new socket may take to send its {@code hello}
 * @param offerGrace how long a vanished desktop's agent stays logged in (offers keep ringing) before logout
 * @param chatGrace how long a vanished agent keeps active chats before they are requeued
 * @param maxFrameBytes largest text frame accepted from a desktop
 * @param framesPerSecond sustained rate of frames a desktop may send; bursts of twice this pass
 * @param cannedResponses quick replies offered by the desktop
 * @param phoneLabel what the desktop calls the phone line on phone contacts (the demo's "simulated PBX"),
 *     empty for a plain "phone"
 */
public record DeskSettings(Duration pingInterval, Duration silenceLimit, Duration helloTimeout, Duration offerGrace,
    Duration chatGrace, int maxFrameBytes, int framesPerSecond, List<String> cannedResponses,
    Optional<String> phoneLabel) {

  public DeskSettings {
    positive(pingInterval, "pingInterval");
    positive(silenceLimit, "silenceLimit");
    positive(helloTimeout, "helloTimeout");
    positive(offerGrace, "offerGrace");
    positive(chatGrace, "chatGrace");
    if (silenceLimit.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException("desk.silenceLimit " + silenceLimit + " must be longer than desk.pingInterval "
          + pingInterval + ", or every desktop would be declared dead between two pings");
    }
    if (maxFrameBytes < 1024 || maxFrameBytes > 1024 * 1024) {
      throw new IllegalArgumentException("desk.maxFrameBytes " + maxFrameBytes + " is out of range: use 1024-1048576");
    }
    if (framesPerSecond < 1 || framesPerSecond > 1000) {
      throw new IllegalArgumentException("desk.framesPerSecond " + framesPerSecond + " is out of range: use 1-1000");
    }
    cannedResponses = List.copyOf(cannedResponses);
    Objects.requireNonNull(phoneLabel, "phoneLabel");
  }

  /** Ping every 15 s, dead after 45 s silent, logout after 30 s away, chats requeued after 120 s. */
  public static DeskSettings defaults() {
    return new DeskSettings(Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(120), 16 * 1024, 20, List.of(
            "Hello! Thanks for reaching out, how can I help you today?",
            "Let me check that for you, one moment please.",
            "Is there anything else I can help you with?",
            "Thank you for contacting us. Have a great day!"), Optional.empty());
  }

  public DeskSettings withHeartbeat(Duration ping, Duration silence) {
    return new DeskSettings(ping, silence, helloTimeout, offerGrace, chatGrace, maxFrameBytes, framesPerSecond,
        cannedResponses, phoneLabel);
  }

  public DeskSettings withGrace(Duration offers, Duration chats) {
    return new DeskSettings(pingInterval, silenceLimit, helloTimeout, offers, chats, maxFrameBytes, framesPerSecond,
        cannedResponses, phoneLabel);
  }

  /** The same settings with the phone line shown as {@code label} on phone contacts. */
  public DeskSettings withPhoneLabel(String label) {
    return new DeskSettings(pingInterval, silenceLimit, helloTimeout, offerGrace, chatGrace, maxFrameBytes,
        framesPerSecond, cannedResponses, Optional.of(label));
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("desk." + name + " " + value + " must be positive");
    }
  }
}
