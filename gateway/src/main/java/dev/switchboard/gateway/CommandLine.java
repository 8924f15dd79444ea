package dev.switchboard.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A parsed command line: the command, at most one argument, and {@code --name value} options. */
record CommandLine(String name, Optional<String> argument, Map<String, String> options) {

  private static final Map<String, Set<String>> OPTIONS = Map.of(
      "demo", Set.of("port", "config"),
      "start", Set.of("port", "config"),
      "import", Set.of("config", "format"));

  static final String USAGE = String.join("\n",
      "usage: switchboard demo [--port N]",
      "       switchboard start --config FILE [--port N]",
      "       switchboard import FILE [--format csv|jsonl] [--config FILE]");

  CommandLine {
    options = Map.copyOf(options);
  }

  static CommandLine parse(String[] args) {
    if (args.length == 0) {
      throw new UsageException("no command given\n" + USAGE);
    }
    String name = args[0];
    Set<String> allowed = OPTIONS.get(name);
    if (allowed == null) {
      throw new UsageException("unknown command '" + name + "'\n" + USAGE);
    }
    Map<String, String> options = new HashMap<>();
    Optional<String> argument = Optional.empty();
    List<String> rest = List.of(args).subList(1, args.length);
    for (int i = 0; i < rest.size(); i++) {
      String word = rest.get(i);
      if (word.startsWith("--")) {
        String option = word.substring(2);
        if (!allowed.contains(option)) {
          throw new UsageException("'" + name + "' has no option --" + option + "\n" + USAGE);
        }
        if (i + 1 >= rest.size()) {
          throw new UsageException("--" + option + " needs a value\n" + USAGE);
        }
        options.put(option, rest.get(++i));
      } else if (argument.isEmpty() && name.equals("import")) {
        argument = Optional.of(word);
      } else {
        throw new UsageException("unexpected argument '" + word + "'\n" + USAGE);
      }
    }
    if (name.equals("import") && argument.isEmpty()) {
      throw new UsageException("import needs the FILE to import\n" + USAGE);
    }
    return new CommandLine(name, argument, options);
  }

  Optional<String> option(String option) {
    return Optional.ofNullable(options.get(option));
  }

  static int port(String raw) {
    try {
      int port = Integer.parseInt(raw);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UsageException("--port '" + raw + "' is not a TCP port: give a number from 1 to 65535");
  }

  /** A command line that cannot be run; the message says why and shows the usage. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
