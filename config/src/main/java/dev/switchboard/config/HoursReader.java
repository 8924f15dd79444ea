package dev.switchboard.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code hours:} of one queue: a time zone, a weekly schedule, holidays and a fallback. */
final class HoursReader {

  static final List<String> FIELDS = List.of("zone", "weekly", "holidays", "fallback");
  static final String DEFAULT_FALLBACK = "leave-message";

  private final FileNodes nodes;

  HoursReader(FileNodes nodes) {
    this.nodes = nodes;
  }

  Optional<BusinessHoursSettings> read(FieldReader queue) {
    Optional<FieldReader> opened = queue.child("hours", FIELDS);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    FieldReader hours = opened.get();
    Optional<ZoneId> zone = hours.required("zone", ScheduleTypes.ZONE, "write the zone the hours are in, e.g. zone: Asia/Seoul");
    if (!hours.has("weekly")) {
      nodes.problem(hours.node(), hours.path("weekly"),
          "required but not set; write the opening hours, e.g. weekly: {mon-fri: [09:00-18:00]}");
    }
    Map<DayOfWeek, List<OpenPeriodSettings>> weekly = weekly(hours);
    List<LocalDate> holidays = hours.values("holidays", ScheduleTypes.DATE, List.of(), "[2026-09-25, 2026-12-25]")
        .orElse(List.of());
    String fallback = hours.value("fallback", NameTypes.ACTION, DEFAULT_FALLBACK);
    return zone.map(id -> new BusinessHoursSettings(id, weekly, Set.copyOf(holidays), fallback));
  }

  private Map<DayOfWeek, List<OpenPeriodSettings>> weekly(FieldReader hours) {
    Map<DayOfWeek, List<OpenPeriodSettings>> weekly = new EnumMap<>(DayOfWeek.class);
    Map<DayOfWeek, String> setBy = new EnumMap<>(DayOfWeek.class);
    for (FieldReader.Entry entry : hours.entries("weekly", "{mon-fri: [09:00-18:00], sat: [10:00-14:00]}")) {
      Optional<Set<DayOfWeek>> days = nodes.read(entry.keyNode(), entry.path(), ScheduleTypes.DAYS);
      Optional<List<OpenPeriodSettings>> periods = periods(entry);
      if (days.isEmpty() || periods.isEmpty()) {
        continue;
      }
      for (DayOfWeek day : days.get()) {
        String first = setBy.putIfAbsent(day, "'" + entry.name() + "' (line " + nodes.origin(entry.keyNode()).line() + ")");
        if (first != null) {
          nodes.problem(entry.keyNode(), entry.path(), ScheduleTypes.abbreviation(day) + " is already set by " + first
              + "; give each day its hours once");
        } else {
          weekly.put(day, periods.get());
        }
      }
    }
    return weekly;
  }

  private Optional<List<OpenPeriodSettings>> periods(FieldReader.Entry entry) {
    if (YamlLayer.isNull(entry.value())) {
      nodes.problem(entry.keyNode(), entry.path(), "no opening periods; write e.g. [09:00-18:00], or [] for closed");
      return Optional.empty();
    }
    Optional<List<OpenPeriodSettings>> periods =
        nodes.values(entry.value(), entry.path(), ScheduleTypes.PERIOD_TYPE, "[09:00-12:00, 13:00-18:00]");
    if (periods.isEmpty()) {
      return periods;
    }
    List<OpenPeriodSettings> sorted = new ArrayList<>(periods.get());
    sorted.sort(Comparator.comparing(OpenPeriodSettings::from));
    for (int index = 1; index < sorted.size(); index++) {
      OpenPeriodSettings before = sorted.get(index - 1);
      OpenPeriodSettings after = sorted.get(index);
      if (after.from().isBefore(before.to())) {
        nodes.problem(entry.value(), entry.path(), "periods " + before.from() + "-" + before.to() + " and "
            + after.from() + "-" + after.to() + " overlap; merge them into one");
        return Optional.empty();
      }
    }
    return Optional.of(sorted);
  }
}
