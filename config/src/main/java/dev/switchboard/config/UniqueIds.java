package dev.switchboard.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ids of one list section seen so far, so a second use of an id is reported with the first. */
final class UniqueIds {

  private final String kind;
  private final FileNodes nodes;
  private final Map<String, String> firstSeen = new LinkedHashMap<>();

  /** @param kind what the ids name, e.g. {@code agent} */
  UniqueIds(String kind, FileNodes nodes) {
    this.kind = kind;
    this.nodes = nodes;
  }

  /** Records the id of the entry {@code fields}, reporting it when an earlier entry has it. */
  void register(String id, FieldReader fields) {
    String where = fields.path() + " (line " + nodes.origin(fields.node()).line() + ")";
    String first = firstSeen.putIfAbsent(id, where);
    if (first != null) {
      nodes.problem(fields.node(), fields.path("id"), "duplicate " + kind + " id '" + id + "', first used by "
          + first + "; give each " + kind + " a unique id");
    }
  }

  boolean contains(String id) {
    return firstSeen.containsKey(id);
  }

  List<String> sorted() {
    return firstSeen.keySet().stream().sorted().toList();
  }
}
