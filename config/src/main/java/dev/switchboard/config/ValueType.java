package dev.switchboard.config;

import java.util.Map;

/**
 * How one configuration key reads its text: from a YAML scalar or an environment variable alike.
 *
 * @param <T> the typed value
 */
interface ValueType<T> {

  /** Short type name for the reference table, e.g. {@code integer} or {@code duration}. */
  String name();

  /** What an acceptable value looks like, phrased to follow "expected", e.g. "an integer from 1 to 65535". */
  String expectation();

  /**
   * Reads {@code text} as written (never blank); surrounding spaces are the type's to ignore.
   *
   * @param origin where the text came from; a secret read from the environment is itself the value
   * @param environment the process environment, for values that refer to a variable
   * @throws InvalidValueException with a reason naming what was expected and what to do
   */
  T parse(String text, Origin origin, Map<String, String> environment)
      throws InvalidValueException;

  static InvalidValueException expected(ValueType<?> type, String text) {
    return new InvalidValueException("expected " + type.expectation() + ", got '" + text + "'");
  }
}
