package dev.switchboard.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one benchmark, checked against the names it knows. */
final class BenchArgs {

  private final Map<String, String> options;

  BenchArgs(Map<String, String> options, String... known) {
    for (String name : options.keySet()) {
      if (!Set.of(known).contains(name)) {
        Main.fail("unknown option --" + name + " (known: --" + String.join(", --", known) + ")");
      }
    }
    this.options = Map.copyOf(options);
  }

  static Map<String, String> parse(String[] args, int from) {
    Map<String, String> options = new HashMap<>();
    for (int i = from; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        Main.fail("expected --name value, got '" + args[i] + "'");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** A comma-separated list of whole numbers ({@code --also 1000,2000}); empty when the option is absent. */
  java.util.List<Long> numbers(String name, long min, long max) {
    String raw = options.get(name);
    if (raw == null || raw.isBlank()) {
      return java.util.List.of();
    }
    java.util.List<Long> values = new java.util.ArrayList<>();
    for (String part : raw.split(",")) {
      values.add(new BenchArgs(Map.of(name, part.strip()), name).number(name, 0, min, max));
    }
    return values;
  }

  long number(String name, long fallback, long min, long max) {
    String raw = options.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.replace("_", ""));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    Main.fail("--" + name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
    return fallback;
  }
}
