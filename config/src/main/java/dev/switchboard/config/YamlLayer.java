package dev.switchboard.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the YAML file into raw values by key path, reporting broken syntax, unknown keys and
 * values of the wrong shape. A dotted key ({@code server.port: 8080}) counts as its nested form.
 * The list sections ({@code agents:}, {@code queues:}) are handed over as nodes, for their own readers.
 */
final class YamlLayer {

  /** What the file holds: scalar values by key path, and the list sections' nodes by section name. */
  record Content(Map<String, RawValue> values, Map<String, Node> lists) {

    static final Content EMPTY = new Content(Map.of(), Map.of());
  }

  private final Path file;
  private final ConfigSchema schema;
  private final ProblemList problems;
  private final Map<String, RawValue> values = new LinkedHashMap<>();
  private final Map<String, Node> lists = new LinkedHashMap<>();
  private final Map<String, Integer> firstLines = new HashMap<>();

  private YamlLayer(Path file, ConfigSchema schema, ProblemList problems) {
    this.file = file;
    this.schema = schema;
    this.problems = problems;
  }

  /** The file's values by key path and its list sections; problems go to {@code problems}. */
  static Content read(Path file, ConfigSchema schema, ProblemList problems) {
    YamlLayer layer = new YamlLayer(file, schema, problems);
    layer.readDocument().ifPresent(layer::readTop);
    return new Content(layer.values, layer.lists);
  }

  private Optional<Node> readDocument() {
    try {
      String text = Files.readString(file);
      LoadSettings settings =
          LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema()).build();
      return new Compose(settings).composeString(text);
    } catch (NoSuchFileException missing) {
      problems.add(file.toString(), "file not found; check the path given with --config or SWITCHBOARD_CONFIG");
    } catch (CharacterCodingException notUtf8) {
      problems.add(file.toString(), "not UTF-8 text; save the file as UTF-8");
    } catch (IOException unreadable) {
      problems.add(file.toString(), "cannot read the file (" + unreadable + "); check its permissions");
    } catch (MarkedYamlEngineException broken) {
      problems.add(where(broken.getProblemMark().or(broken::getContextMark)),
          "invalid YAML: " + broken.getProblem()
              + "; fix the syntax (indent with spaces, quote values containing ': ' or '#')");
    } catch (YamlEngineException broken) {
      problems.add(file.toString(), "invalid YAML: " + broken.getMessage());
    }
    return Optional.empty();
  }

  private String where(Optional<Mark> mark) {
    return mark.map(at -> file + ": line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1))
        .orElse(file.toString());
  }

  private void readTop(Node top) {
    if (top instanceof MappingNode mapping) {
      readMapping(mapping, "");
    } else if (!isNull(top)) {
      problems.add(file.toString(), "the top level must be a mapping of sections ("
          + String.join(":, ", topLevel()) + ":), got " + describe(top));
    }
  }

  private void readMapping(MappingNode mapping, String prefix) {
    for (NodeTuple entry : mapping.getValue()) {
      Node keyNode = entry.getKeyNode();
      String where = prefix.isEmpty() ? "top level" : prefix;
      if (!(keyNode instanceof ScalarNode name) || isNull(keyNode)) {
        problems.add(origin(keyNode), where, "expected a key name, got " + describe(keyNode));
        continue;
      }
      String path = prefix.isEmpty() ? name.getValue() : prefix + "." + name.getValue();
      if (schema.key(path).isPresent()) {
        readValue(path, entry);
      } else if (schema.isSection(path)) {
        readSection(path, entry);
      } else if (SwitchboardSchema.LIST_SECTIONS.contains(path)) {
        if (once(path, keyNode)) {
          lists.put(path, entry.getValueNode());
        }
      } else {
        List<String> known = new ArrayList<>(schema.paths());
        known.addAll(SwitchboardSchema.LIST_SECTIONS);
        String hint = ClosestMatch.among(path, known).map(match -> "; did you mean '" + match + "'?")
            .orElse("; known keys are listed in docs/configuration.md");
        problems.add(origin(keyNode), path, "unknown key" + hint);
      }
    }
  }

  private void readSection(String path, NodeTuple entry) {
    Node node = entry.getValueNode();
    if (node instanceof MappingNode mapping) {
      if (once(path, entry.getKeyNode())) {
        readMapping(mapping, path);
      }
    } else if (!isNull(node)) {
      problems.add(origin(node), path, "expected a mapping with keys "
          + String.join(", ", schema.keysUnder(path)) + ", got " + describe(node));
    }
  }

  private void readValue(String path, NodeTuple entry) {
    Node node = entry.getValueNode();
    ConfigKey<?> key = schema.key(path).orElseThrow();
    if (node instanceof SequenceNode list && key.type() instanceof NameListType) {
      joined(path, list).ifPresent(text -> {
        if (once(path, entry.getKeyNode())) {
          values.put(path, new RawValue(text, origin(node)));
        }
      });
    } else if (!(node instanceof ScalarNode scalar)) {
      problems.add(origin(node), path, "expected " + key.type().expectation() + ", got " + describe(node));
    } else if (once(path, entry.getKeyNode())) {
      values.put(path, new RawValue(isNull(node) ? "" : scalar.getValue(), origin(node)));
    }
  }

  /** A YAML list of names as the comma-separated text a variable would hold; an empty list means unset. */
  private Optional<String> joined(String path, SequenceNode list) {
    List<String> names = new ArrayList<>();
    for (Node item : list.getValue()) {
      if (!(item instanceof ScalarNode scalar) || isNull(item) || scalar.getValue().contains(",")) {
        problems.add(origin(item), path, "expected a list of names, got " + describe(item) + " as an item");
        return Optional.empty();
      }
      names.add(scalar.getValue());
    }
    return Optional.of(String.join(",", names));
  }

  private List<String> topLevel() {
    List<String> sections = new ArrayList<>(schema.topSections());
    SwitchboardSchema.LIST_SECTIONS.stream().filter(section -> section.indexOf('.') < 0)
        .filter(section -> !sections.contains(section)).forEach(sections::add);
    return sections;
  }

  private boolean once(String path, Node keyNode) {
    Integer first = firstLines.putIfAbsent(path, origin(keyNode).line());
    if (first != null) {
      problems.add(origin(keyNode), path, "set twice (first on line " + first + "); keep one");
      return false;
    }
    return true;
  }

  private Origin origin(Node node) {
    return Origin.file(file, node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0));
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  static String describe(Node node) {
    if (node instanceof ScalarNode scalar) {
      return "'" + scalar.getValue() + "'";
    }
    return node instanceof MappingNode ? "a mapping" : "a list";
  }
}
