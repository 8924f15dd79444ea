package dev.switchboard.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The router's scalar settings ({@code routing.*}), each overridable from the environment.
 *
 * @param offerTimeout how long an offer rings before it counts as missed ({@code routing.offer-timeout}, default 20s)
 * @param preferredAgentWait how long a contact waits for its busy preferred agent; 0 disables it
 *     ({@code routing.preferred-agent-wait}, default 30s)
 * @param transferWait how long a contact transferred to an agent waits for that agent ({@code routing.transfer-wait}, default 60s)
 * @param sweepInterval period of the safety-net sweep of timers ({@code routing.sweep-interval}, default 1s)
 * @param backlogSize events kept per agent for reconnecting clients ({@code routing.backlog-size}, default 500, 1-100000)
 * @param retention how long an ended contact stays in Redis ({@code routing.retention}, default 7d)
 * @param skills the skill catalogue; empty means any skill name is accepted ({@code routing.skills})
 * @param reasonCodes not-ready reasons agents may pick ({@code routing.reason-codes}, default break, lunch, training, meeting)
 * @param costs capacity units a contact of each channel takes, one entry per channel ({@code routing.costs.*})
 */
public record RoutingSection(
    Duration offerTimeout,
    Duration preferredAgentWait,
    Duration transferWait,
    Duration sweepInterval,
    int backlogSize,
    Duration retention,
    List<String> skills,
    List<String> reasonCodes,
    Map<ContactChannel, Integer> costs) {

  public RoutingSection {
    Objects.requireNonNull(offerTimeout, "offerTimeout");
    Objects.requireNonNull(preferredAgentWait, "preferredAgentWait");
    Objects.requireNonNull(transferWait, "transferWait");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(retention, "retention");
    skills = List.copyOf(skills);
    reasonCodes = List.copyOf(reasonCodes);
    for (ContactChannel channel : ContactChannel.values()) {
      if (!costs.containsKey(channel)) {
        throw new IllegalArgumentException("routing.costs." + channel.key() + " is missing: give every channel a cost");
      }
    }
    costs = Map.copyOf(costs);
  }

  /** The defaults documented in docs/configuration.md. */
  public static RoutingSection defaults() {
    Map<ContactChannel, Integer> costs = new EnumMap<>(ContactChannel.class);
    costs.put(ContactChannel.VOICE, 100);
    costs.put(ContactChannel.CHAT, 34);
    costs.put(ContactChannel.EMAIL, 20);
    costs.put(ContactChannel.CALLBACK, 100);
    return new RoutingSection(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(1), 500, Duration.ofDays(7), List.of(),
        List.of("break", "lunch", "training", "meeting"), costs);
  }

  /** Capacity units a contact of {@code channel} takes. */
  public int cost(ContactChannel channel) {
    return costs.get(channel);
  }
}
