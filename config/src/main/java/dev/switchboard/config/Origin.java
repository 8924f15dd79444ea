package dev.switchboard.config;

import java.nio.file.Path;

/**
 * Where a raw value came from, so a problem can point at it.
 *
 * @param name the file as given, or the environment variable's name
 * @param line 1-based line in the file, 0 when unknown or not a file
 * @param environment whether the value came from an environment variable
 */
record Origin(String name, int line, boolean environment) {

  static Origin file(Path file, int line) {
    return new Origin(file.toString(), line, false);
  }

  static Origin variable(String name) {
    return new Origin(name, 0, true);
  }
}
