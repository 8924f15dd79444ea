package dev.switchboard.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link SwitchboardConfig} from one optional YAML file and the environment, in that
 * order of strength: defaults, then the file, then {@code SWITCHBOARD_*} variables. Every value is
 * checked before anything uses it; all problems are reported together in one
 * {@link ConfigException}. Blocking file I/O: call it at start-up, never on an event loop.
 */
public final class ConfigLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

  private ConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param file the YAML file; empty to use defaults and the environment only
   * @param environment the process environment, usually {@code System.getenv()}
   * @throws ConfigException listing every problem, one per line, each naming the file or
   *     variable, the key and what to do
   */
  public static SwitchboardConfig load(Optional<Path> file, Map<String, String> environment) {
    ConfigSchema schema = SwitchboardSchema.SCHEMA;
    ProblemList problems = new ProblemList();
    Map<String, RawValue> raw = new HashMap<>();
    file.ifPresent(path -> raw.putAll(YamlLayer.read(path, schema, problems)));
    Map<String, RawValue> overrides = EnvironmentLayer.read(environment, schema, problems);
    raw.putAll(overrides);
    String fileName = file.map(Path::toString).orElse("configuration");
    ResolvedValues values = new Resolution(schema, environment, fileName, problems).resolve(raw);
    problems.throwIfAny();
    LOG.info("Configuration loaded from {} with {} environment override(s)",
        file.map(Path::toString).orElse("defaults"), overrides.size());
    return SwitchboardSchema.assemble(values, file);
  }
}
