package dev.switchboard.config;

import java.util.Map;
import java.util.regex.Pattern;

/** A whole number within an inclusive range. */
record IntegerType(int min, int max) implements ValueType<Integer> {

  private static final Pattern DIGITS = Pattern.compile("[+-]?\\d{1,18}");

  IntegerType {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
  }

  @Override
  public String name() {
    return "integer";
  }

  @Override
  public String expectation() {
    return "an integer from " + min + " to " + max;
  }

  @Override
  public Integer parse(String written, Origin origin, Map<String, String> environment)
      throws InvalidValueException {
    String text = written.strip();
    if (!DIGITS.matcher(text).matches()) {
      throw ValueType.expected(this, text);
    }
    long value = Long.parseLong(text);
    if (value < min || value > max) {
      throw ValueType.expected(this, text);
    }
    return (int) value;
  }
}
