package dev.switchboard.config;

import java.util.List;

/**
 * The reference of every setting, rendered from the same declarations the loader uses, so the
 * documentation cannot drift from the code.
 */
public final class ConfigReference {

  private ConfigReference() {}

  /** Every key path, in declaration order. */
  public static List<String> keys() {
    return SwitchboardSchema.SCHEMA.keys().stream().map(ConfigKey::path).toList();
  }

  /**
   * A Markdown table with one row per key: path, environment variable, type, default, accepted
   * values and description.
   */
  public static String markdownTable() {
    return markdownTable(SwitchboardSchema.SCHEMA);
  }

  static String markdownTable(ConfigSchema schema) {
    StringBuilder table = new StringBuilder()
        .append("| Key | Environment variable | Type | Default | Accepts | Description |\n")
        .append("|-----|----------------------|------|---------|---------|-------------|\n");
    for (ConfigKey<?> key : schema.keys()) {
      table.append("| `").append(key.path()).append("` | `").append(key.environmentVariable())
          .append("` | ").append(key.type().name())
          .append(" | ").append(defaultCell(key))
          .append(" | ").append(escape(key.type().expectation()))
          .append(" | ").append(escape(key.description())).append(" |\n");
    }
    return table.toString();
  }

  private static String defaultCell(ConfigKey<?> key) {
    if (key.defaultText().isPresent()) {
      return "`" + key.defaultText().get() + "`";
    }
    return key.required() ? "*required*" : "*unset*";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
