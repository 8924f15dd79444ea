package dev.switchboard.routing.dispatch;

import java.util.List;

/**
 * An agent's events after a sequence number. {@code complete} is false when some were already dropped
 * from the bounded backlog: the client should then reload its whole state. {@code last} is the newest
 * sequence number issued.
 */
public record EventBacklog(List<RoutingEvent> events, boolean complete, long last) {

  public EventBacklog {
    events = List.copyOf(events);
  }
}
