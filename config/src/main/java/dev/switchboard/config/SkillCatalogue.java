package dev.switchboard.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The skill names {@code routing.skills} allows. An empty catalogue accepts any name, so small
 * centers need not declare their skills twice.
 */
record SkillCatalogue(List<String> skills) {

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
}
