package dev.switchboard.config;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time written as a number and a unit: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h},
 * {@code 7d}.
 */
record DurationType(Duration min, Duration max) implements ValueType<Duration> {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*([a-z]*)");

  DurationType {
    if (min.isNegative() || min.compareTo(max) > 0) {
      throw new IllegalArgumentException("bad range " + min + ".." + max);
    }
  }

  @Override
  public String name() {
    return "duration";
  }

  @Override
  public String expectation() {
    return "a duration from " + format(min) + " to " + format(max) + " (a number with ms, s, m, h or d)";
  }

  @Override
  public Duration parse(String written, Origin origin, Map<String, String> environment)
      throws InvalidValueException {
    String text = written.strip();
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw ValueType.expected(this, text);
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration value = switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      case "" -> throw new InvalidValueException(
          "expected " + expectation() + ", got '" + text + "' without a unit; write "
              + amount + "s or " + amount + "ms");
      default -> throw ValueType.expected(this, text);
    };
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw ValueType.expected(this, text);
    }
    return value;
  }

  /** Renders a duration with the largest unit that divides it exactly, e.g. {@code 10s}. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 86_400_000 == 0 && millis != 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0 && millis != 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis != 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
