package dev.switchboard.config;

import java.util.List;

/**
 * Configuration that cannot be used. The message names the file, the key path and what to do;
 * the launcher prints it and exits with a non-zero status before starting anything. When loading
 * finds several problems, the message lists all of them, one per line.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(String message) {
    super(message);
    this.problems = List.of(message);
  }

  /** One exception for several problems, each a line such as {@code config.yaml: server.port: ...}. */
  public ConfigException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own, in the order found. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return "Invalid configuration (" + count + "):\n  " + String.join("\n  ", problems);
  }
}
