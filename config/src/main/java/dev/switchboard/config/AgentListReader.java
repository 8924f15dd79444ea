package dev.switchboard.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code agents:} list of the file into {@link AgentSettings}, reporting every bad entry. */
final class AgentListReader {

  static final List<String> FIELDS = List.of(
      "id", "name", "skills", "capacity", "channels", "phone-device", "max-per-channel", "role", "password");

  static final ChoiceType<ContactChannel> CHANNEL = new ChoiceType<>("channel", ContactChannel.class);
  private static final ChoiceType<AgentRole> ROLE = new ChoiceType<>("role", AgentRole.class);
  private static final IntegerType CAPACITY = new IntegerType(1, 10_000);
  private static final IntegerType PER_CHANNEL = new IntegerType(1, 1000);

  private final FileNodes nodes;
  private final SkillCatalogue catalogue;
  private final UniqueIds ids;

  private AgentListReader(FileNodes nodes, SkillCatalogue catalogue) {
    this.nodes = nodes;
    this.catalogue = catalogue;
    this.ids = new UniqueIds("agent", nodes);
  }

  /** The agents in file order; problems go to {@code nodes}' problem list. */
  static List<AgentSettings> read(Node section, FileNodes nodes, SkillCatalogue catalogue) {
    AgentListReader reader = new AgentListReader(nodes, catalogue);
    List<AgentSettings> agents = new ArrayList<>();
    for (FileNodes.Item item : nodes.items(section, "agents", "[{id: kim, skills: {billing: 5}}]").orElse(List.of())) {
      FieldReader.open(nodes, item.node(), item.path(), FIELDS).flatMap(reader::agent).ifPresent(agents::add);
    }
    return agents;
  }

  private Optional<AgentSettings> agent(FieldReader fields) {
    Optional<String> id = fields.required("id", NameTypes.AGENT_ID, "give each agent a unique id, e.g. id: kim.minji");
    id.ifPresent(value -> ids.register(value, fields));
    String name = fields.value("name", NameTypes.DISPLAY_NAME, id.orElse("?"));
    Map<String, Integer> skills = catalogue.read(nodes, fields, "{billing: 7, korean: 10}");
    int capacity = fields.value("capacity", CAPACITY, 100);
    Set<ContactChannel> channels = channels(fields);
    Optional<String> device = fields.optional("phone-device", NameTypes.DEVICE);
    Map<ContactChannel, Integer> perChannel = maxPerChannel(fields, channels);
    AgentRole role = fields.value("role", ROLE, AgentRole.AGENT);
    Optional<Secret> password = fields.optional("password", new SecretType());
    return id.map(value -> new AgentSettings(value, name, skills, capacity, channels, device, perChannel, role, password));
  }

  private Set<ContactChannel> channels(FieldReader fields) {
    List<ContactChannel> all = List.of(ContactChannel.values());
    List<ContactChannel> channels = fields.values("channels", CHANNEL, all, "[voice, chat]").orElse(all);
    if (channels.isEmpty()) {
      nodes.problem(fields.field("channels").orElseThrow(), fields.path("channels"),
          "no channel; list at least one of voice, chat, email, callback, or leave the key out for all");
      return EnumSet.allOf(ContactChannel.class);
    }
    return EnumSet.copyOf(channels);
  }

  private Map<ContactChannel, Integer> maxPerChannel(FieldReader fields, Set<ContactChannel> channels) {
    Map<ContactChannel, Integer> caps = new EnumMap<>(ContactChannel.class);
    for (FieldReader.Entry entry : fields.entries("max-per-channel", "{chat: 3, email: 5}")) {
      Optional<ContactChannel> channel = nodes.read(entry.keyNode(), entry.path(), CHANNEL);
      Optional<Integer> cap = nodes.read(entry.value(), entry.path(), PER_CHANNEL);
      if (YamlLayer.isNull(entry.value())) {
        nodes.problem(entry.keyNode(), entry.path(), "no count; write how many at once, e.g. " + entry.name() + ": 3");
      }
      if (channel.isPresent() && !channels.contains(channel.get())) {
        nodes.problem(entry.keyNode(), entry.path(), "the agent does not take " + channel.get().key()
            + " contacts; remove this cap or add " + channel.get().key() + " to channels");
      } else if (channel.isPresent() && cap.isPresent()) {
        caps.put(channel.get(), cap.get());
      }
    }
    return caps;
  }
}
