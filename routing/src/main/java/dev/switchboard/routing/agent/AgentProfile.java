package dev.switchboard.routing.agent;

import dev.switchboard.routing.contact.Channel;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who an agent is to the router.
 *
 * @param skills skill name to level (1-10)
 * @param capacity capacity units the agent can carry at once (a call costs 100 by default)
 * @param channels channels the agent may be offered
 * @param phoneDevice the agent's phone (e.g. {@code PJSIP/1001}), for voice channels
 * @param maxPerChannel optional cap on concurrent contacts of a channel, on top of capacity
 */
public record AgentProfile(
    AgentId id,
    String displayName,
    Map<String, Integer> skills,
    int capacity,
    Set<Channel> channels,
    Optional<String> phoneDevice,
    Map<Channel, Integer> maxPerChannel) {

  public static final int DEFAULT_CAPACITY = 100;

  public AgentProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    skills = Skills.checked(skills, "agent " + id);
    if (capacity < 1 || capacity > 10_000) {
      throw new IllegalArgumentException("agent " + id + ": capacity " + capacity + " is out of range: use 1-10000 units");
    }
    if (channels == null || channels.isEmpty()) {
      throw new IllegalArgumentException("agent " + id + " has no channels: allow at least one of voice, chat, email, callback");
    }
    channels = Set.copyOf(EnumSet.copyOf(channels));
    Objects.requireNonNull(phoneDevice, "phoneDevice");
    maxPerChannel = Map.copyOf(maxPerChannel);
    maxPerChannel.forEach((channel, max) -> {
      if (max < 1) {
        throw new IllegalArgumentException("agent " + id + ": maximum of " + max + " concurrent " + channel
            + " contacts is invalid: use at least 1, or leave the channel out");
      }
    });
  }

  /** An agent of capacity 100 on every channel, without phone or per-channel caps. */
  public static AgentProfile of(AgentId id, String displayName, Map<String, Integer> skills) {
    return new AgentProfile(id, displayName, skills, DEFAULT_CAPACITY, EnumSet.allOf(Channel.class),
        Optional.empty(), Map.of());
  }

  public AgentProfile withCapacity(int value) {
    return new AgentProfile(id, displayName, skills, value, channels, phoneDevice, maxPerChannel);
  }

  public AgentProfile withChannels(Set<Channel> value) {
    return new AgentProfile(id, displayName, skills, capacity, value, phoneDevice, maxPerChannel);
  }

  public AgentProfile withPhoneDevice(String value) {
    return new AgentProfile(id, displayName, skills, capacity, channels, Optional.of(value), maxPerChannel);
  }

  public AgentProfile withMaxPerChannel(Map<Channel, Integer> value) {
    return new AgentProfile(id, displayName, skills, capacity, channels, phoneDevice, value);
  }
}
