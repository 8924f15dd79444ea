package dev.switchboard.gateway.chat;

import dev.switchboard.config.ChatLimitSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timings of visitor connections.
 *
 * @param maxFrameChars longest frame accepted, in characters; longer frames are rejected with {@code too-large}
 * @param connectionRate frames one connection may send
 * @param addressRate frames all connections of one client address may send together
 * @param violationsBeforeClose rate-limited frames in a row after which the connection is closed
 * @param heartbeat how often the server pings; a connection silent for three periods is closed
 * @param positionInterval how often a waiting visitor gets its queue position
 * @param defaultHandleTime handle time assumed for the wait estimate while the queue has no history today
 * @param abandonAfter how long a waiting visitor who lost the connection may take to come back (to any node)
 *     before the contact is abandoned
 */
public record ChatSettings(int maxFrameChars, Rate connectionRate, Rate addressRate, int violationsBeforeClose,
    Duration heartbeat, Duration positionInterval, Duration defaultHandleTime, Duration abandonAfter) {

  /** A token bucket: {@code burst} frames at once, refilled at {@code perSecond}. */
  public record Rate(int burst, double perSecond) {
    public Rate {
      if (burst < 1 || perSecond <= 0) {
        throw new IllegalArgumentException("rate burst " + burst + " and per-second " + perSecond + " must be positive");
      }
    }
  }

  public ChatSettings {
    if (maxFrameChars < 256) {
      throw new IllegalArgumentException("chat frame limit " + maxFrameChars + " is too small: use 256 or more");
    }
    Objects.requireNonNull(connectionRate, "connectionRate");
    Objects.requireNonNull(addressRate, "addressRate");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(positionInterval, "positionInterval");
    Objects.requireNonNull(defaultHandleTime, "defaultHandleTime");
    Objects.requireNonNull(abandonAfter, "abandonAfter");
  }

  /**
   * 12,000-character frames, 10 frames burst then 2/s per connection, 40 then 10/s per address, a ping every 20 s,
   * positions every 5 s, 3 min assumed handle time, 90 s to come back.
   */
  public static ChatSettings defaults() {
    return new ChatSettings(12_000, new Rate(10, 2), new Rate(40, 10), 20, Duration.ofSeconds(20),
        Duration.ofSeconds(5), Duration.ofMinutes(3), Duration.ofSeconds(90));
  }

  /** The configuration's {@code chat.limits}, with the defaults for what it does not set. */
  public static ChatSettings from(ChatLimitSettings limits) {
    ChatSettings defaults = defaults();
    return new ChatSettings(limits.maxFrameChars(), new Rate(limits.connectionBurst(), limits.connectionPerSecond()),
        new Rate(limits.addressBurst(), limits.addressPerSecond()), defaults.violationsBeforeClose(),
        limits.heartbeat(), defaults.positionInterval(), defaults.defaultHandleTime(), limits.abandonAfter());
  }

  public ChatSettings withAbandonAfter(Duration value) {
    return new ChatSettings(maxFrameChars, connectionRate, addressRate, violationsBeforeClose, heartbeat,
        positionInterval, defaultHandleTime, value);
  }
}
