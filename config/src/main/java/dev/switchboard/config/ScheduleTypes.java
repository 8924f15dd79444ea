package dev.switchboard.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How business hours are written: time zones, dates, days of the week and opening periods. */
final class ScheduleTypes {

  private static final Pattern PERIOD = Pattern.compile("(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");

  static final TextType<ZoneId> ZONE = new TextType<>("zone",
      "an IANA time zone such as Asia/Seoul, Europe/Berlin or UTC", (text, type) -> {
        try {
          return ZoneId.of(text);
        } catch (DateTimeException unknown) {
          throw ValueType.expected(type, text);
        }
      });

  static final TextType<LocalDate> DATE = new TextType<>("date", "an ISO date such as 2026-12-25", (text, type) -> {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException malformed) {
      throw ValueType.expected(type, text);
    }
  });

  static final TextType<OpenPeriodSettings> PERIOD_TYPE = new TextType<>("period",
      "an opening period HH:MM-HH:MM such as 09:00-18:00 (24:00 ends at midnight)", ScheduleTypes::period);

  static final TextType<Set<DayOfWeek>> DAYS = new TextType<>("days",
      "a day (mon, tue, wed, thu, fri, sat, sun), a range such as mon-fri, or several separated by commas",
      ScheduleTypes::days);

  private ScheduleTypes() {}

  private static OpenPeriodSettings period(String text, TextType<OpenPeriodSettings> type)
      throws InvalidValueException {
    Matcher matcher = PERIOD.matcher(text);
    if (!matcher.matches()) {
      throw ValueType.expected(type, text);
    }
    LocalTime from = time(matcher.group(1), matcher.group(2), false, type, text);
    LocalTime to = time(matcher.group(3), matcher.group(4), true, type, text);
    if (!from.isBefore(to)) {
      throw new InvalidValueException("opening period '" + text + "' ends before it starts; for hours past "
          + "midnight write two periods, e.g. " + matcher.group(1) + ":" + matcher.group(2)
          + "-24:00 on one day and 00:00-" + matcher.group(3) + ":" + matcher.group(4) + " on the next");
    }
    return new OpenPeriodSettings(from, to);
  }

  private static LocalTime time(String hours, String minutes, boolean end, TextType<?> type, String text)
      throws InvalidValueException {
    int hour = Integer.parseInt(hours);
    int minute = Integer.parseInt(minutes);
    if (end && hour == 24 && minute == 0) {
      return LocalTime.MAX;
    }
    if (hour > 23 || minute > 59) {
      throw ValueType.expected(type, text);
    }
    return LocalTime.of(hour, minute);
  }

  private static Set<DayOfWeek> days(String text, TextType<Set<DayOfWeek>> type) throws InvalidValueException {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",", -1)) {
      String[] ends = part.strip().split("\\s*-\\s*", -1);
      if (ends.length > 2) {
        throw ValueType.expected(type, text);
      }
      DayOfWeek first = day(ends[0], type, text);
      DayOfWeek last = ends.length == 2 ? day(ends[1], type, text) : first;
      if (last.compareTo(first) < 0) {
        throw new InvalidValueException("day range '" + part.strip() + "' runs backwards; ranges go from mon to sun, "
            + "so write e.g. " + abbreviation(first) + "-sun, " + abbreviation(DayOfWeek.MONDAY) + "-" + abbreviation(last));
      }
      for (DayOfWeek day = first; day.compareTo(last) <= 0; day = day.plus(1)) {
        days.add(day);
        if (day == DayOfWeek.SUNDAY) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String written, TextType<?> type, String text) throws InvalidValueException {
    String name = written.strip().toLowerCase(Locale.ROOT);
    return find(name).orElseThrow(() -> {
      String hint = ClosestMatch.among(name, java.util.Arrays.stream(DayOfWeek.values()).map(ScheduleTypes::abbreviation)
          .toList()).map(known -> "; did you mean '" + known + "'?").orElse("");
      return new InvalidValueException("expected " + type.expectation() + ", got '" + text + "'" + hint);
    });
  }

  private static Optional<DayOfWeek> find(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      String full = day.name().toLowerCase(Locale.ROOT);
      if (name.equals(full) || name.equals(abbreviation(day))) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  static String abbreviation(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }
}
