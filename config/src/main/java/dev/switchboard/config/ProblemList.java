package dev.switchboard.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while loading, so all of them are reported at once. */
final class ProblemList {

  private final List<String> problems = new ArrayList<>();

  /** Records {@code origin: key: what}, with the file line appended when known. */
  void add(Origin origin, String key, String what) {
    String line = origin.line() > 0 ? " (line " + origin.line() + ")" : "";
    problems.add(origin.name() + ": " + key + ": " + what + line);
  }

  /** Records a problem that belongs to no key, such as broken syntax or an unreadable file. */
  void add(String where, String what) {
    problems.add(where + ": " + what);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
