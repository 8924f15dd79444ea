package dev.switchboard.routing.contact;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Capacity units each channel costs an agent; channels left out cost their default. */
public record ChannelCosts(Map<Channel, Integer> costs) {

  public ChannelCosts {
    Objects.requireNonNull(costs, "costs");
    EnumMap<Channel, Integer> complete = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      int cost = costs.getOrDefault(channel, channel.defaultCost());
      if (cost < 1 || cost > 10_000) {
        throw new IllegalArgumentException("cost of channel " + channel + " is " + cost
            + ": use 1-10000 capacity units (an agent usually has 100)");
      }
      complete.put(channel, cost);
    }
    costs = Map.copyOf(complete);
  }

  /** Voice 100, chat 34, email 20, callback 100. */
  public static ChannelCosts defaults() {
    return new ChannelCosts(Map.of());
  }

  public int cost(Channel channel) {
    return costs.get(channel);
  }
}
