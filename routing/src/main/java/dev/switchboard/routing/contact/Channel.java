package dev.switchboard.routing.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The way a contact reaches the center; each channel costs an agent some capacity units. */
public enum Channel {
  VOICE(100),
  CHAT(34),
  EMAIL(20),
  CALLBACK(100);

  private final int defaultCost;

  Channel(int defaultCost) {
    this.defaultCost = defaultCost;
  }

  /** Capacity units a contact of this channel takes when no cost is configured. */
  public int defaultCost() {
    return defaultCost;
  }

  /** Parses a channel name, case-insensitively ({@code voice}, {@code chat}, ...). */
  public static Channel parse(String name) {
    if (name != null) {
      for (Channel channel : values()) {
        if (channel.name().equalsIgnoreCase(name.trim())) {
          return channel;
        }
      }
    }
    throw new IllegalArgumentException("unknown channel '" + name + "': use one of "
        + Arrays.stream(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
  }
}
