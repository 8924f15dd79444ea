package dev.switchboard.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code SWITCHBOARD_*} environment variables into raw values by key path. A variable with
 * that prefix that names no key is a problem, except the launcher's own.
 */
final class EnvironmentLayer {

  /** Variables the launcher scripts and the logging configuration read; they are not settings. */
  static final Set<String> LAUNCHER_VARIABLES = Set.of("SWITCHBOARD_CONFIG", "SWITCHBOARD_JAVA_OPTS",
      "SWITCHBOARD_BENCH_JAVA_OPTS", "SWITCHBOARD_BENCH_NODE_JAVA_OPTS", "SWITCHBOARD_LOG_LEVEL",
      "SWITCHBOARD_ACCESS_LOG", "SWITCHBOARD_ADMIN_PASSWORD", "SWITCHBOARD_DEMO_IDENTITY_KEY");

  private EnvironmentLayer() {}

  /** The overriding values by key path, in variable-name order; problems go to {@code problems}. */
  static Map<String, RawValue> read(Map<String, String> environment, ConfigSchema schema, ProblemList problems) {
    Map<String, RawValue> values = new TreeMap<>();
    for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(ConfigKey.ENVIRONMENT_PREFIX) || LAUNCHER_VARIABLES.contains(name)) {
        continue;
      }
      schema.keyForVariable(name).ifPresentOrElse(
          key -> values.put(key.path(), new RawValue(variable.getValue(), Origin.variable(name))),
          () -> problems.add(name, unknown(name, schema)));
    }
    return values;
  }

  private static String unknown(String name, ConfigSchema schema) {
    for (String section : SwitchboardSchema.LIST_SECTIONS) {
      String variable = ConfigKey.ENVIRONMENT_PREFIX + section.toUpperCase(Locale.ROOT).replace('.', '_');
      if (name.equals(variable) || name.startsWith(variable + "_")) {
        return "unknown variable; " + section + " is a list of mappings and can only be set in the "
            + "configuration file (" + section + ": in the YAML file): unset the variable and edit the file";
      }
    }
    return ClosestMatch.among(name, schema.variables())
        .map(known -> "unknown variable; did you mean " + known + "?")
        .orElse("unknown variable; no setting has this name (see docs/configuration.md): fix its name or unset it");
  }
}
