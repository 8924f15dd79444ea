package dev.switchboard.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, written plain ({@code 1048576}) or with a binary unit ({@code 512KiB},
 * {@code 1MiB}, {@code 1GiB}).
 */
record SizeType(long min, long max) implements ValueType<Long> {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([A-Za-z]*)");
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  SizeType {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("bad range " + min + ".." + max);
    }
  }

  @Override
  public String name() {
    return "size";
  }

  @Override
  public String expectation() {
    return "a size from " + format(min) + " to " + format(max) + " (bytes, or a number with KiB, MiB, GiB or TiB)";
  }

  @Override
  public Long parse(String written, Origin origin, Map<String, String> environment)
      throws InvalidValueException {
    String text = written.strip();
    Matcher matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      throw ValueType.expected(this, text);
    }
    long bytes = multiply(matcher.group(1), unitFactor(matcher.group(2), text), text);
    if (bytes < min || bytes > max) {
      throw ValueType.expected(this, text);
    }
    return bytes;
  }

  /** Renders a byte count with the largest unit that divides it exactly, e.g. {@code 1MiB}. */
  static String format(long bytes) {
    int unit = 0;
    long value = bytes;
    while (unit < UNITS.length - 1 && value != 0 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return value + UNITS[unit];
  }

  private long unitFactor(String unit, String text) throws InvalidValueException {
    String normalized = unit.toLowerCase(Locale.ROOT);
    for (int index = 0; index < UNITS.length; index++) {
      if (UNITS[index].toLowerCase(Locale.ROOT).equals(normalized) || (index == 0 && unit.isEmpty())) {
        return 1L << (10 * index);
      }
    }
    if (normalized.matches("[kmgt]b?")) {
      throw new InvalidValueException("expected " + expectation() + ", got '" + text
          + "'; sizes use powers of 1024: write " + normalized.toUpperCase(Locale.ROOT).charAt(0) + "iB");
    }
    throw ValueType.expected(this, text);
  }

  private long multiply(String number, long factor, String text) throws InvalidValueException {
    try {
      return Math.multiplyExact(Long.parseLong(number), factor);
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      throw ValueType.expected(this, text);
    }
  }
}
