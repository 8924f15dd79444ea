package dev.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code queues:} list of the file into {@link QueueSettings}, reporting every bad entry,
 * including references to skills and queues that do not exist.
 */
final class QueueListReader {

  static final List<String> FIELDS = List.of("id", "channels", "skills", "service-level", "priority",
      "priority-rules", "escalations", "max-wait", "hours", "wrap-up", "dispositions");
  private static final List<String> RULE_FIELDS = List.of("attribute", "value", "priority");
  private static final DurationType SERVICE_LEVEL = new DurationType(Duration.ofSeconds(1), Duration.ofHours(1));
  private static final DurationType WRAP_UP = new DurationType(Duration.ZERO, Duration.ofHours(1));
  private static final IntegerType PRIORITY = new IntegerType(0, 500);
  private static final TextType<String> RULE_VALUE = new TextType<>("text", "1 to 200 characters", (text, type) -> {
    if (text.isEmpty() || text.length() > 200) {
      throw ValueType.expected(type, text);
    }
    return text;
  });

  private final FileNodes nodes;
  private final SkillCatalogue catalogue;
  private final List<EscalationReader.QueueReference> references = new ArrayList<>();
  private final EscalationReader escalations;
  private final HoursReader hours;
  private final UniqueIds ids;

  private QueueListReader(FileNodes nodes, SkillCatalogue catalogue) {
    this.nodes = nodes;
    this.catalogue = catalogue;
    this.escalations = new EscalationReader(nodes, catalogue, references);
    this.hours = new HoursReader(nodes);
    this.ids = new UniqueIds("queue", nodes);
  }

  /** The queues in file order; problems go to {@code nodes}' problem list. */
  static List<QueueSettings> read(Node section, FileNodes nodes, SkillCatalogue catalogue) {
    QueueListReader reader = new QueueListReader(nodes, catalogue);
    List<QueueSettings> queues = new ArrayList<>();
    for (FileNodes.Item item : nodes.items(section, "queues", "[{id: support, channels: [voice]}]").orElse(List.of())) {
      FieldReader.open(nodes, item.node(), item.path(), FIELDS).flatMap(reader::queue).ifPresent(queues::add);
    }
    reader.checkReferences();
    return queues;
  }

  private Optional<QueueSettings> queue(FieldReader fields) {
    Optional<String> id = fields.required("id", NameTypes.QUEUE_ID, "give each queue a unique id, e.g. id: support");
    id.ifPresent(value -> ids.register(value, fields));
    Optional<Set<ContactChannel>> channels = channels(fields);
    Map<String, Integer> skills = catalogue.read(nodes, fields, "{billing: 5, korean: 7}");
    Duration serviceLevel = fields.value("service-level", SERVICE_LEVEL, Duration.ofSeconds(20));
    int priority = fields.value("priority", PRIORITY, 0);
    List<PriorityRuleSettings> rules = rules(fields);
    List<EscalationSettings> steps = escalations.read(fields, id.orElse(""), skills);
    Optional<MaxWaitSettings> maxWait = maxWait(fields);
    Optional<BusinessHoursSettings> open = hours.read(fields);
    Duration wrapUp = fields.value("wrap-up", WRAP_UP, Duration.ofSeconds(30));
    List<String> dispositions = fields.values("dispositions", NameTypes.DISPOSITION, List.of(),
        "[solved, follow-up]").orElse(List.of());
    if (id.isEmpty() || channels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new QueueSettings(id.get(), channels.get(), skills, serviceLevel, priority, rules, steps,
        maxWait, open, wrapUp, dispositions));
  }

  private Optional<Set<ContactChannel>> channels(FieldReader fields) {
    if (!fields.has("channels")) {
      nodes.problem(fields.node(), fields.path("channels"),
          "required but not set; list the channels the queue takes, e.g. channels: [voice, callback]");
      return Optional.empty();
    }
    Optional<List<ContactChannel>> channels =
        fields.values("channels", AgentListReader.CHANNEL, List.of(), "[voice, chat]");
    if (channels.isPresent() && channels.get().isEmpty()) {
      nodes.problem(fields.field("channels").orElseThrow(), fields.path("channels"),
          "no channel; list at least one of voice, chat, email, callback");
      return Optional.empty();
    }
    return channels.map(EnumSet::copyOf);
  }

  private List<PriorityRuleSettings> rules(FieldReader fields) {
    List<PriorityRuleSettings> rules = new ArrayList<>();
    for (FileNodes.Item item : fields.items("priority-rules", "[{attribute: tier, value: gold, priority: 100}]")) {
      FieldReader.open(nodes, item.node(), item.path(), RULE_FIELDS).ifPresent(rule -> {
        Optional<String> attribute = rule.required("attribute", NameTypes.ATTRIBUTE, "name the contact attribute, e.g. attribute: tier");
        Optional<String> value = rule.required("value", RULE_VALUE, "give the value to match, e.g. value: gold");
        Optional<Integer> priority = rule.required("priority", PRIORITY, "give the priority from 0 to 500, e.g. priority: 100");
        if (attribute.isPresent() && value.isPresent() && priority.isPresent()) {
          rules.add(new PriorityRuleSettings(attribute.get(), value.get(), priority.get()));
        }
      });
    }
    return rules;
  }

  private Optional<MaxWaitSettings> maxWait(FieldReader fields) {
    return fields.child("max-wait", List.of("after", "fallback")).flatMap(maxWait -> {
      Optional<Duration> after = maxWait.required("after", EscalationReader.WAIT, "write the longest wait, e.g. after: 10m");
      Optional<String> fallback = maxWait.required("fallback", NameTypes.ACTION,
          "write what the channel does then, e.g. fallback: offer-callback");
      return after.flatMap(wait -> fallback.map(action -> new MaxWaitSettings(wait, action)));
    });
  }

  private void checkReferences() {
    for (EscalationReader.QueueReference reference : references) {
      FieldReader step = reference.step();
      Node target = step.field("add-queue-agents").orElseThrow();
      if (reference.target().equals(reference.owner())) {
        nodes.problem(target, step.path("add-queue-agents"), "a queue cannot add its own agents; name another queue");
      } else if (!ids.contains(reference.target())) {
        String hint = ClosestMatch.among(reference.target(), ids.sorted())
            .map(known -> " did you mean '" + known + "'?").orElse("");
        nodes.problem(target, step.path("add-queue-agents"), "unknown queue '" + reference.target() + "';" + hint
            + " name a queue of the queues: list (known: " + String.join(", ", ids.sorted()) + ")");
      }
    }
  }
}
