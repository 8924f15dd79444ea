package dev.switchboard.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One constant of an enum, written in lower case ({@code voice}, {@code supervisor}); any case is accepted. */
record ChoiceType<E extends Enum<E>>(String name, Class<E> constants) implements ValueType<E> {

  @Override
  public String expectation() {
    return "one of " + String.join(", ", choices());
  }

  @Override
  public E parse(String written, Origin origin, Map<String, String> environment) throws InvalidValueException {
    String text = written.strip();
    for (E constant : constants.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    String hint = ClosestMatch.among(text, choices()).map(known -> "; did you mean '" + known + "'?").orElse("");
    throw new InvalidValueException("expected " + expectation() + ", got '" + text + "'" + hint);
  }

  private List<String> choices() {
    return Arrays.stream(constants.getEnumConstants()).map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
  }
}
