package dev.switchboard.routing.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of the router.
 *
 * @param offerTimeout how long an offer rings before it counts as missed
 * @param preferredAgentWait how long a contact waits for its busy but logged-in preferred agent
 * @param transferWait how long a contact transferred to an agent waits for that agent
 * @param sweepInterval period of the safety-net sweep (offer timeouts and timers are also swept when due)
 * @param backlogSize events kept per agent for reconnecting clients
 * @param retention how long an ended contact and its event log stay in Redis
 */
public record RoutingSettings(
    Duration offerTimeout,
    Duration preferredAgentWait,
    Duration transferWait,
    Duration sweepInterval,
    int backlogSize,
    Duration retention) {

  public RoutingSettings {
    positive(offerTimeout, "offerTimeout");
    Objects.requireNonNull(preferredAgentWait, "preferredAgentWait");
    if (preferredAgentWait.isNegative()) {
      throw new IllegalArgumentException("routing.preferredAgentWait " + preferredAgentWait + " is negative: use 0 or more");
    }
    positive(transferWait, "transferWait");
    positive(sweepInterval, "sweepInterval");
    positive(retention, "retention");
    if (backlogSize < 1 || backlogSize > 100_000) {
      throw new IllegalArgumentException("routing.backlogSize " + backlogSize + " is out of range: use 1-100000 events");
    }
  }

  /** Offers ring 20 s, preferred agents are awaited 30 s, sweep every second, 500 events per agent, 7 days. */
  public static RoutingSettings defaults() {
    return new RoutingSettings(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(1), 500, Duration.ofDays(7));
  }

  public RoutingSettings withOfferTimeout(Duration value) {
    return new RoutingSettings(value, preferredAgentWait, transferWait, sweepInterval, backlogSize, retention);
  }

  public RoutingSettings withPreferredAgentWait(Duration value) {
    return new RoutingSettings(offerTimeout, value, transferWait, sweepInterval, backlogSize, retention);
  }

  public RoutingSettings withBacklogSize(int value) {
    return new RoutingSettings(offerTimeout, preferredAgentWait, transferWait, sweepInterval, value, retention);
  }

  public RoutingSettings withSweepInterval(Duration value) {
    return new RoutingSettings(offerTimeout, preferredAgentWait, transferWait, value, backlogSize, retention);
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("routing." + name + " " + value + " must be positive");
    }
  }
}
