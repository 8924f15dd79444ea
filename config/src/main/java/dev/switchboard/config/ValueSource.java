package dev.switchboard.config;

import java.nio.file.Path;

/**
 * Where a raw value came from, so a problem can point at it.
 *
 * @param name the file as given, or the environment variable's name
 * @param line 1-based line in the file, 0 when unknown or not a file
 * @param environment whether the value came from an environment variable
 */
record ValueSource(String name, int line, boolean environment) {

  static ValueSource file(Path file, int line) {
    return new ValueSource(file.toString(), line, false);
  }

  static ValueSource variable(String name) {
    return new ValueSource(name, 0, true);
  }
}
