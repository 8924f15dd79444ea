package dev.switchboard.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads typed values out of the YAML nodes of one file, for the list sections. Every problem names
 * the value's path ({@code queues[1].service-level}) and line, and goes to the shared problem list.
 */
final class FileNodes {

  private final Path file;
  private final ProblemList problems;
  private final Map<String, String> environment;

  FileNodes(Path file, ProblemList problems, Map<String, String> environment) {
    this.file = file;
    this.problems = problems;
    this.environment = environment;
  }

  Origin origin(Node node) {
    return Origin.file(file, node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0));
  }

  void problem(Node node, String path, String what) {
    problems.add(origin(node), path, what);
  }

  /** A scalar read by {@code type}; empty after reporting a problem, or when the node is null. */
  <T> Optional<T> read(Node node, String path, ValueType<T> type) {
    if (YamlLayer.isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, path, "expected " + type.expectation() + ", got " + YamlLayer.describe(node));
      return Optional.empty();
    }
    try {
      return Optional.of(type.parse(scalar.getValue(), origin(node), environment));
    } catch (InvalidValueException invalid) {
      problem(node, path, invalid.getMessage());
      return Optional.empty();
    }
  }

  /** The items of a YAML list, each with its path {@code path[index]}; empty after a problem. */
  Optional<List<Item>> items(Node node, String path, String example) {
    if (YamlLayer.isNull(node)) {
      return Optional.of(List.of());
    }
    if (!(node instanceof SequenceNode list)) {
      problem(node, path, "expected a list such as " + example + ", got " + YamlLayer.describe(node));
      return Optional.empty();
    }
    List<Item> items = new ArrayList<>();
    for (Node item : list.getValue()) {
      items.add(new Item(item, path + "[" + items.size() + "]"));
    }
    return Optional.of(items);
  }

  /** A YAML list of scalars, each read by {@code type}; an item listed twice is a problem. */
  <T> Optional<List<T>> values(Node node, String path, ValueType<T> type, String example) {
    Optional<List<Item>> items = items(node, path, example);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<T> values = new ArrayList<>();
    Set<T> seen = new HashSet<>();
    boolean valid = true;
    for (Item item : items.get()) {
      if (YamlLayer.isNull(item.node())) {
        problem(item.node(), item.path(), "empty list item; remove it or write a value");
        valid = false;
        continue;
      }
      Optional<T> value = read(item.node(), item.path(), type);
      if (value.isEmpty()) {
        valid = false;
      } else if (!seen.add(value.get())) {
        problem(item.node(), item.path(), "'" + value.get() + "' is listed twice; keep one");
        valid = false;
      } else {
        values.add(value.get());
      }
    }
    return valid ? Optional.of(values) : Optional.empty();
  }

  /** One item of a list, with the path problems name it by. */
  record Item(Node node, String path) {}
}
