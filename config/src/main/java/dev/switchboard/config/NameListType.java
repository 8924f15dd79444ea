package dev.switchboard.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list of names. In the file it is a YAML list ({@code [billing, support]}); in an environment
 * variable the names are separated by commas ({@code billing,support}).
 *
 * @param item how each name reads
 */
record NameListType(TextType<String> item) implements ValueType<List<String>> {

  @Override
  public String name() {
    return "list";
  }

  @Override
  public String expectation() {
    return "a YAML list, or names separated by commas; each " + item.expectation();
  }

  @Override
  public List<String> parse(String text, Origin origin, Map<String, String> environment)
      throws InvalidValueException {
    Set<String> names = new LinkedHashSet<>();
    for (String written : text.split(",", -1)) {
      String name = written.strip();
      if (name.isEmpty()) {
        throw new InvalidValueException("expected " + expectation() + ", got an empty name in '" + text.strip()
            + "'; remove the extra comma");
      }
      if (!names.add(item.parse(name, origin, environment))) {
        throw new InvalidValueException("'" + name + "' is listed twice; keep one");
      }
    }
    return List.copyOf(names);
  }
}
