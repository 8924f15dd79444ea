package dev.switchboard.config;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the {@code agents:} list: who an agent is to the router and the desktop.
 *
 * @param id login name, 1-64 characters of a-z, 0-9, '.', '_' and '-'
 * @param name display name (default: the id)
 * @param skills skill name to level 1-10
 * @param capacity capacity units the agent carries at once (default 100, 1-10000)
 * @param channels channels the agent may be offered (default all)
 * @param phoneDevice the agent's phone as the PBX dials it, e.g. {@code PJSIP/1001}
 * @param maxPerChannel cap on concurrent contacts of a channel, on top of capacity
 * @param role what the account may do (default {@link AgentRole#AGENT})
 * @param password the desktop password, read from the environment only ({@code env:NAME})
 */
public record AgentSettings(
    String id,
    String name,
    Map<String, Integer> skills,
    int capacity,
    Set<ContactChannel> channels,
    Optional<String> phoneDevice,
    Map<ContactChannel, Integer> maxPerChannel,
    AgentRole role,
    Optional<Secret> password) {

  public AgentSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    skills = Map.copyOf(skills);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("agent " + id + " has no channels: allow at least one");
    }
    channels = Set.copyOf(EnumSet.copyOf(channels));
    Objects.requireNonNull(phoneDevice, "phoneDevice");
    maxPerChannel = Map.copyOf(maxPerChannel);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(password, "password");
  }

  /** An agent with the defaults: named after the id, capacity 100, every channel, no phone, role agent. */
  public static AgentSettings of(String id, Map<String, Integer> skills) {
    return new AgentSettings(id, id, skills, 100, EnumSet.allOf(ContactChannel.class), Optional.empty(), Map.of(),
        AgentRole.AGENT, Optional.empty());
  }

  @Override
  public String toString() {
    return "AgentSettings[id=" + id + ", name=" + name + ", skills=" + skills + ", capacity=" + capacity
        + ", channels=" + channels + ", phoneDevice=" + phoneDevice + ", maxPerChannel=" + maxPerChannel
        + ", role=" + role + ", password=" + password.map(Secret::toString).orElse("none") + "]";
  }
}
