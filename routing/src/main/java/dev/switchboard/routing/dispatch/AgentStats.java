package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.Presence;
import java.time.Duration;

/**
 * An agent now and today (UTC day).
 *
 * @param occupancy share of logged-in time spent handling or wrapping up contacts, 0-100
 */
public record AgentStats(AgentId agent, Presence presence, Duration inState, long handled, double occupancy) {}
