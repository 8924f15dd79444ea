package dev.switchboard.routing.customer;

import java.util.List;
import java.util.Optional;

/** A page of a customer's timeline, newest first; {@code next} continues after the last entry. */
public record TimelinePage(List<TimelineEntry> entries, Optional<String> next) {

  public TimelinePage {
    entries = List.copyOf(entries);
  }
}
