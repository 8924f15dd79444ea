package dev.switchboard.routing.queue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a queue takes contacts: a weekly schedule in a time zone, minus holidays.
 *
 * @param fallback what the channel should do out of hours (e.g. {@code leave-message}, {@code offer-callback})
 */
public record BusinessHours(
    ZoneId zone, Map<DayOfWeek, List<OpenPeriod>> week, Set<LocalDate> holidays, String fallback) {

  public BusinessHours {
    Objects.requireNonNull(zone, "zone");
    week = Map.copyOf(week);
    week.values().forEach(periods -> Objects.requireNonNull(periods, "periods"));
    week = week.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
        Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    holidays = Set.copyOf(holidays);
    new EscalationAction.Fallback(fallback);
  }

  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    if (holidays.contains(local.toLocalDate())) {
      return false;
    }
    return week.getOrDefault(local.getDayOfWeek(), List.of()).stream()
        .anyMatch(period -> period.contains(local.toLocalTime()));
  }
}
