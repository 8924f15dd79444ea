package dev.switchboard.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link SwitchboardConfig} from one optional YAML file and the environment, in that
 * order of strength: defaults, then the file, then {@code SWITCHBOARD_*} variables. The list
 * sections ({@code agents:}, {@code queues:}, {@code chat.sites}) come from the file only. Every value is
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
    YamlLayer.Content content = file.map(path -> YamlLayer.read(path, schema, problems)).orElse(YamlLayer.Content.EMPTY);
    Map<String, RawValue> raw = new HashMap<>(content.values());
    Map<String, RawValue> overrides = EnvironmentLayer.read(environment, schema, problems);
    raw.putAll(overrides);
    String fileName = file.map(Path::toString).orElse("configuration");
    ResolvedValues values = new Resolution(schema, environment, fileName, problems).resolve(raw);
    List<AgentSettings> agents = List.of();
    List<QueueSettings> queues = List.of();
    List<PbxSettings> pbxs = List.of();
    List<ChatSiteSettings> chatSites = List.of();
    if (file.isPresent()) {
      FileNodes nodes = new FileNodes(file.get(), problems, environment);
      // An invalid catalogue was reported already; checking names against it would only add noise.
      SkillCatalogue catalogue = new SkillCatalogue(values.find(SwitchboardSchema.ROUTING_SKILLS).orElse(List.of()));
      agents = list(content, "agents", node -> AgentListReader.read(node, nodes, catalogue));
      queues = list(content, "queues", node -> QueueListReader.read(node, nodes, catalogue));
      int agiPort = values.find(SwitchboardSchema.PHONE_AGI_PORT).orElse(4573);
      pbxs = list(content, PbxListReader.SECTION, node -> PbxListReader.read(node, nodes, agiPort));
      chatSites = list(content, "chat.sites", node -> ChatSiteListReader.read(node, nodes));
    }
    requirePbxForPhoneKeys(raw, content, fileName, problems);
    problems.throwIfAny();
    LOG.info("Configuration loaded from {} with {} environment override(s), {} agent(s), {} queue(s), {} PBX(s), "
        + "{} chat site(s)", file.map(Path::toString).orElse("defaults"), overrides.size(), agents.size(),
        queues.size(), pbxs.size(), chatSites.size());
    return SwitchboardSchema.assemble(values, file, agents, queues, pbxs, chatSites);
  }

  /** Phone settings without a PBX would silently do nothing: say so instead. */
  private static void requirePbxForPhoneKeys(Map<String, RawValue> raw, YamlLayer.Content content, String fileName,
      ProblemList problems) {
    Node pbxs = content.lists().get(PbxListReader.SECTION);
    boolean listed = pbxs instanceof org.snakeyaml.engine.v2.nodes.SequenceNode list && !list.getValue().isEmpty();
    raw.entrySet().stream().filter(entry -> entry.getKey().startsWith("phone.")).findFirst()
        .filter(entry -> !listed)
        .ifPresent(entry -> problems.add(entry.getValue().origin(), entry.getKey(), "is set but phone.pbxs lists no "
            + "PBX, so the phone channel stays off; add phone.pbxs: " + PbxListReader.EXAMPLE
            + " or remove the phone settings"));
  }

  private static <T> List<T> list(YamlLayer.Content content, String section, Function<Node, List<T>> reader) {
    Node node = content.lists().get(section);
    return node == null ? List.of() : reader.apply(node);
  }
}
