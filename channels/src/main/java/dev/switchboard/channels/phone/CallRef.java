package dev.switchboard.channels.phone;

import java.util.Objects;

/**
 * One Asterisk channel: its {@code Uniqueid} (stable for the channel's life) and its name (e.g.
 * {@code PJSIP/trunk-00000001}, used by actions).
 */
public record CallRef(String uniqueId, String channel) {
  public CallRef {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(channel, "channel");
    if (uniqueId.isBlank() || channel.isBlank()) {
      throw new IllegalArgumentException("a channel needs a Uniqueid and a name, got '" + uniqueId
          + "' / '" + channel + "'");
    }
  }
}
