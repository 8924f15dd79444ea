package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of visitor chat connections ({@code chat.limits.*}), each overridable from the environment.
 *
 * @param maxFrameChars longest frame a visitor may send, in characters ({@code chat.limits.max-frame-chars})
 * @param connectionBurst frames one connection may send at once ({@code chat.limits.connection-burst})
 * @param connectionPerSecond frames per second one connection may send after its burst
 * @param addressBurst frames all connections of one client address may send at once
 * @param addressPerSecond frames per second all connections of one client address may send after their burst
 * @param heartbeat how often the server pings a visitor; three silent periods close the connection
 * @param abandonAfter how long a waiting visitor who lost the connection may take to come back
 */
public record ChatLimitSettings(int maxFrameChars, int connectionBurst, int connectionPerSecond, int addressBurst,
    int addressPerSecond, Duration heartbeat, Duration abandonAfter) {

  public ChatLimitSettings {
    if (maxFrameChars < 256) {
      throw new IllegalArgumentException("chat.limits.max-frame-chars " + maxFrameChars + " is too small: use 256 or more");
    }
    if (connectionBurst < 1 || connectionPerSecond < 1 || addressBurst < 1 || addressPerSecond < 1) {
      throw new IllegalArgumentException("chat.limits rates must be positive");
    }
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(abandonAfter, "abandonAfter");
  }

  /** The defaults documented in docs/configuration.md. */
  public static ChatLimitSettings defaults() {
    return new ChatLimitSettings(12_000, 10, 2, 40, 10, Duration.ofSeconds(20), Duration.ofSeconds(90));
  }
}
