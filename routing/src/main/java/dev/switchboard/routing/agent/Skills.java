package dev.switchboard.routing.agent;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks skill maps: names of lower-case letters, digits, {@code _ -}; levels 1-10. */
public final class Skills {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private Skills() {}

  /** Returns an immutable copy of {@code skills}, or fails naming the owner and the bad entry. */
  public static Map<String, Integer> checked(Map<String, Integer> skills, String owner) {
    Objects.requireNonNull(skills, owner + " skills");
    skills.forEach((name, level) -> {
      checkName(name, owner);
      if (level == null || level < 1 || level > 10) {
        throw new IllegalArgumentException(owner + ": skill '" + name + "' has level " + level
            + ": use a level from 1 to 10");
      }
    });
    return Map.copyOf(skills);
  }

  public static String checkName(String name, String owner) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(owner + ": skill name '" + name
          + "' is invalid: use 1-32 lower-case letters, digits, '_' or '-'");
    }
    return name;
  }
}
