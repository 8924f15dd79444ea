package dev.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code escalations:} of one queue: each step a wait and exactly one action. */
final class EscalationReader {

  static final List<String> ACTIONS = List.of("relax-skill", "add-queue-agents", "raise-priority", "fallback");
  private static final List<String> FIELDS = List.of("after", "relax-skill", "add-queue-agents", "raise-priority",
      "fallback");
  static final DurationType WAIT = new DurationType(Duration.ofSeconds(1), Duration.ofDays(1));
  private static final IntegerType RAISE = new IntegerType(1, 500);

  /** A step naming another queue, checked once every queue is known. */
  record QueueReference(String owner, String target, FieldReader step) {}

  private final FileNodes nodes;
  private final SkillCatalogue catalogue;
  private final List<QueueReference> references;

  EscalationReader(FileNodes nodes, SkillCatalogue catalogue, List<QueueReference> references) {
    this.nodes = nodes;
    this.catalogue = catalogue;
    this.references = references;
  }

  /** The steps of {@code queue}, whose required skills a relax-skill step must name. */
  List<EscalationSettings> read(FieldReader queue, String queueId, Map<String, Integer> required) {
    List<EscalationSettings> steps = new ArrayList<>();
    for (FileNodes.Item item : queue.items("escalations", "[{after: 60s, raise-priority: 10}]")) {
      FieldReader.open(nodes, item.node(), item.path(), FIELDS)
          .flatMap(step -> step(step, queueId, required))
          .ifPresent(steps::add);
    }
    return steps;
  }

  private Optional<EscalationSettings> step(FieldReader step, String queueId, Map<String, Integer> required) {
    Optional<Duration> after = step.required("after", WAIT, "write how long a contact waits first, e.g. after: 60s");
    List<String> actions = step.present().stream().filter(ACTIONS::contains).toList();
    if (actions.size() != 1) {
      nodes.problem(step.node(), step.path(), actions.isEmpty()
          ? "no action; add exactly one of " + String.join(", ", ACTIONS)
          : actions.size() + " actions (" + String.join(", ", actions) + "); a step does one thing: "
              + "write one step per action, with the same after if they should happen together");
      return Optional.empty();
    }
    Optional<EscalationSettings.Action> action = switch (actions.get(0)) {
      case "relax-skill" -> relax(step, required);
      case "add-queue-agents" -> step.optional("add-queue-agents", NameTypes.QUEUE_ID).map(target -> {
        references.add(new QueueReference(queueId, target, step));
        return new EscalationSettings.AddQueueAgents(target);
      });
      case "raise-priority" -> step.optional("raise-priority", RAISE).map(EscalationSettings.RaisePriority::new);
      default -> step.optional("fallback", NameTypes.ACTION).map(EscalationSettings.Fallback::new);
    };
    return after.flatMap(wait -> action.map(chosen -> new EscalationSettings(wait, chosen)));
  }

  private Optional<EscalationSettings.Action> relax(FieldReader step, Map<String, Integer> required) {
    Optional<FieldReader> relax = step.child("relax-skill", List.of("skill", "level"));
    if (relax.isEmpty()) {
      return Optional.empty();
    }
    FieldReader fields = relax.get();
    Optional<String> skill = fields.required("skill", NameTypes.SKILL, "name the skill to relax, e.g. skill: korean");
    Optional<Integer> level = fields.required("level", new IntegerType(1, 10), "give the lower level to accept, e.g. level: 3");
    if (skill.isEmpty() || level.isEmpty()) {
      return Optional.empty();
    }
    Node skillNode = fields.field("skill").orElseThrow();
    if (!catalogue.check(nodes, skillNode, fields.path("skill"), skill.get())) {
      return Optional.empty();
    }
    Integer needed = required.get(skill.get());
    if (needed == null) {
      nodes.problem(skillNode, fields.path("skill"), "the queue does not require skill '" + skill.get() + "'; "
          + (required.isEmpty() ? "it requires no skill, so remove this step"
              : "relax one of its skills (" + String.join(", ", required.keySet()) + ")"));
      return Optional.empty();
    }
    if (level.get() >= needed) {
      nodes.problem(fields.field("level").orElseThrow(), fields.path("level"), "level " + level.get()
          + " does not relax the required level " + needed + " of '" + skill.get() + "'; use a level below " + needed);
      return Optional.empty();
    }
    return Optional.of(new EscalationSettings.RelaxSkill(skill.get(), level.get()));
  }
}
