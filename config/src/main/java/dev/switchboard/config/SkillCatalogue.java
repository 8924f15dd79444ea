package dev.switchboard.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The skill names {@code routing.skills} allows. An empty catalogue accepts any name, so small
 * centers need not declare their skills twice.
 */
record SkillCatalogue(List<String> skills) {

  private static final IntegerType LEVEL = new IntegerType(1, 10);

  SkillCatalogue {
    skills = List.copyOf(skills);
  }

  /** Whether {@code skill} may be used; if not, reports it under {@code path}. */
  boolean check(FileNodes nodes, Node node, String path, String skill) {
    if (skills.isEmpty() || skills.contains(skill)) {
      return true;
    }
    String hint = ClosestMatch.among(skill, skills).map(known -> " did you mean '" + known + "'?").orElse("");
    nodes.problem(node, path, "unknown skill '" + skill + "';" + hint + " add it to routing.skills or fix the name"
        + " (known: " + String.join(", ", skills) + ")");
    return false;
  }

  /**
   * The {@code skills:} mapping of an agent or queue, skill name to level 1-10; bad names, bad
   * levels and names outside the catalogue are reported and left out.
   */
  Map<String, Integer> read(FileNodes nodes, FieldReader fields, String example) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (FieldReader.Entry entry : fields.entries("skills", example)) {
      Optional<String> skill = nodes.read(entry.keyNode(), entry.path(), NameTypes.SKILL);
      Optional<Integer> level = level(nodes, entry);
      boolean known = skill.isPresent() && check(nodes, entry.keyNode(), entry.path(), skill.get());
      if (known && level.isPresent()) {
        levels.put(skill.get(), level.get());
      }
    }
    return levels;
  }

  private static Optional<Integer> level(FileNodes nodes, FieldReader.Entry entry) {
    if (YamlLayer.isNull(entry.value())) {
      nodes.problem(entry.keyNode(), entry.path(), "no level; write a level from 1 to 10, e.g. " + entry.name() + ": 5");
      return Optional.empty();
    }
    return nodes.read(entry.value(), entry.path(), LEVEL);
  }
}
