package dev.switchboard.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One YAML mapping with a fixed set of fields, such as a queue or an escalation step. Unknown
 * fields (with a "did you mean"), fields set twice and keys that are not names are reported when
 * it is opened; each getter reports a missing or invalid value under the field's path.
 */
final class FieldReader {

  private final FileNodes nodes;
  private final MappingNode mapping;
  private final String path;
  private final Map<String, Node> values = new LinkedHashMap<>();

  private FieldReader(FileNodes nodes, MappingNode mapping, String path) {
    this.nodes = nodes;
    this.mapping = mapping;
    this.path = path;
  }

  /** The mapping at {@code path}, its fields checked against {@code known}; empty after a problem. */
  static Optional<FieldReader> open(FileNodes nodes, Node node, String path, List<String> known) {
    if (!(node instanceof MappingNode mapping)) {
      nodes.problem(node, path, "expected a mapping with keys " + String.join(", ", known) + ", got "
          + (YamlLayer.isNull(node) ? "nothing" : YamlLayer.describe(node)));
      return Optional.empty();
    }
    FieldReader reader = new FieldReader(nodes, mapping, path);
    reader.collect(known);
    return Optional.of(reader);
  }

  private void collect(List<String> known) {
    Map<String, Integer> lines = new HashMap<>();
    for (NodeTuple entry : mapping.getValue()) {
      Node key = entry.getKeyNode();
      if (!(key instanceof ScalarNode name) || YamlLayer.isNull(key)) {
        nodes.problem(key, path, "expected a key name, got " + YamlLayer.describe(key));
      } else if (!known.contains(name.getValue())) {
        String hint = ClosestMatch.among(name.getValue(), known).map(match -> "; did you mean '" + match + "'?")
            .orElse("; known keys are " + String.join(", ", known));
        nodes.problem(key, path(name.getValue()), "unknown key" + hint);
      } else if (lines.putIfAbsent(name.getValue(), nodes.origin(key).line()) != null) {
        nodes.problem(key, path(name.getValue()), "set twice (first on line " + lines.get(name.getValue())
            + "); keep one");
      } else {
        values.put(name.getValue(), entry.getValueNode());
      }
    }
  }

  String path() {
    return path;
  }

  String path(String field) {
    return path + "." + field;
  }

  Node node() {
    return mapping;
  }

  /** Whether the field is written with a value other than null. */
  boolean has(String field) {
    return values.containsKey(field) && !YamlLayer.isNull(values.get(field));
  }

  /** The fields written with a value, in file order. */
  List<String> present() {
    return values.keySet().stream().filter(this::has).toList();
  }

  Optional<Node> field(String field) {
    return has(field) ? Optional.of(values.get(field)) : Optional.empty();
  }

  <T> Optional<T> optional(String field, ValueType<T> type) {
    return field(field).flatMap(node -> nodes.read(node, path(field), type));
  }

  /** The value, or {@code fallback} when unset; an invalid value is reported and also yields the fallback. */
  <T> T value(String field, ValueType<T> type, T fallback) {
    return optional(field, type).orElse(fallback);
  }

  /** The value of a field that must be set; a missing one is reported with {@code hint}. */
  <T> Optional<T> required(String field, ValueType<T> type, String hint) {
    if (!has(field)) {
      nodes.problem(mapping, path(field), "required but not set; " + hint);
      return Optional.empty();
    }
    return optional(field, type);
  }

  /** A list of scalars read by {@code type}, or {@code fallback} when unset. */
  <T> Optional<List<T>> values(String field, ValueType<T> type, List<T> fallback, String example) {
    return field(field).map(node -> nodes.values(node, path(field), type, example)).orElse(Optional.of(fallback));
  }

  /** The items of a list field; none when unset. */
  List<FileNodes.Item> items(String field, String example) {
    return field(field).flatMap(node -> nodes.items(node, path(field), example)).orElse(List.of());
  }

  /** The entries of a mapping whose keys are names the user chooses (skills, days); none when unset. */
  List<Entry> entries(String field, String example) {
    Optional<Node> node = field(field);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof MappingNode free)) {
      nodes.problem(node.get(), path(field), "expected a mapping such as " + example + ", got "
          + YamlLayer.describe(node.get()));
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    for (NodeTuple tuple : free.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode name) || YamlLayer.isNull(key)) {
        nodes.problem(key, path(field), "expected a name as key, got " + YamlLayer.describe(key));
      } else if (lines.putIfAbsent(name.getValue(), nodes.origin(key).line()) != null) {
        nodes.problem(key, path(field) + "." + name.getValue(), "set twice (first on line "
            + lines.get(name.getValue()) + "); keep one");
      } else {
        entries.add(new Entry(name.getValue(), key, tuple.getValueNode(), path(field) + "." + name.getValue()));
      }
    }
    return entries;
  }

  /** The nested mapping of a field, with its own known fields; empty when unset or after a problem. */
  Optional<FieldReader> child(String field, List<String> known) {
    return field(field).flatMap(node -> open(nodes, node, path(field), known));
  }

  /** One entry of a free-keyed mapping. */
  record Entry(String name, Node keyNode, Node value, String path) {}
}
