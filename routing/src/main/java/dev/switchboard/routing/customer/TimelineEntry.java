package dev.switchboard.routing.customer;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened with a customer: usually an ended contact.
 *
 * @param kind what it was, e.g. {@code contact}, {@code note}, {@code survey}
 * @param channel {@code phone}, {@code email}, {@code chat}, {@code callback}, or {@code none}
 * @param summary one line for the screen-pop
 * @param details structured facts (queue, agent, wait/handle seconds, disposition, ...)
 */
public record TimelineEntry(
    Instant at, String kind, String channel, String summary, Map<String, String> details) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(summary, "summary");
    details = Map.copyOf(details);
  }
}
