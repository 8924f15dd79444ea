package dev.switchboard.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The declared keys, looked up by path or by environment variable. */
final class ConfigSchema {

  private final Map<String, ConfigKey<?>> byPath = new LinkedHashMap<>();
  private final Map<String, ConfigKey<?>> byVariable = new LinkedHashMap<>();
  private final Set<String> sections = new LinkedHashSet<>();

  ConfigSchema(List<ConfigKey<?>> keys) {
    for (ConfigKey<?> key : keys) {
      if (byPath.put(key.path(), key) != null) {
        throw new IllegalArgumentException("key " + key.path() + " declared twice");
      }
      ConfigKey<?> clash = byVariable.put(key.environmentVariable(), key);
      if (clash != null) {
        throw new IllegalArgumentException(
            key.path() + " and " + clash.path() + " share variable " + key.environmentVariable());
      }
      for (String section = key.section(); ; section = section.substring(0, section.lastIndexOf('.'))) {
        sections.add(section);
        if (section.indexOf('.') < 0) {
          break;
        }
      }
    }
    for (String section : sections) {
      if (byPath.containsKey(section)) {
        throw new IllegalArgumentException(section + " is both a key and a section");
      }
    }
  }

  Collection<ConfigKey<?>> keys() {
    return byPath.values();
  }

  Optional<ConfigKey<?>> key(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  Optional<ConfigKey<?>> keyForVariable(String variable) {
    return Optional.ofNullable(byVariable.get(variable));
  }

  boolean isSection(String path) {
    return sections.contains(path);
  }

  /** The keys directly or indirectly under {@code section}, by their name relative to it. */
  List<String> keysUnder(String section) {
    List<String> names = new ArrayList<>();
    for (String path : byPath.keySet()) {
      if (path.startsWith(section + ".")) {
        names.add(path.substring(section.length() + 1));
      }
    }
    return names;
  }

  /** Every path a file may mention: sections and keys. */
  Set<String> paths() {
    Set<String> paths = new LinkedHashSet<>(sections);
    paths.addAll(byPath.keySet());
    return paths;
  }

  Set<String> variables() {
    return byVariable.keySet();
  }

  List<String> topSections() {
    return sections.stream().filter(section -> section.indexOf('.') < 0).toList();
  }
}
