package dev.switchboard.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a queue takes contacts ({@code hours:} of a queue).
 *
 * @param zone the time zone the schedule is written in, e.g. {@code Asia/Seoul}
 * @param weekly opening periods per day; a day left out is closed
 * @param holidays dates on which the queue stays closed all day
 * @param fallback what the channel does out of hours (default {@code leave-message})
 */
public record BusinessHoursSettings(
    ZoneId zone, Map<DayOfWeek, List<OpenPeriodSettings>> weekly, Set<LocalDate> holidays, String fallback) {

  public BusinessHoursSettings {
    Objects.requireNonNull(zone, "zone");
    Map<DayOfWeek, List<OpenPeriodSettings>> copy = new EnumMap<>(DayOfWeek.class);
    weekly.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
    weekly = Map.copyOf(copy);
    holidays = Set.copyOf(holidays);
    Objects.requireNonNull(fallback, "fallback");
  }
}
