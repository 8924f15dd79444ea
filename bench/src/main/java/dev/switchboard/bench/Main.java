package dev.switchboard.bench;

import java.util.Map;

/** {@code switchboard bench NAME [--option value]...}. */
public final class Main {

  private static final String USAGE = String.join("\n",
      "usage: switchboard bench import [--rows 1000000] [--repeat 3]",
      "       switchboard bench lookup [--seconds 30] [--rate 5000] [--customers 1000000] [--connections 32]"
      + " [--also R1,R2] [--warm-up-seconds 60]",
      "       switchboard bench routing [--agents 2000] [--rate 5000] [--seconds 30] [--handle-ms 100] [--also R1,R2]"
          + " [--event-loops N] [--history-keys N] [--warm-up-seconds 60]",
      "       switchboard bench phone [--calls-per-second 200] [--seconds 60] [--talk-ms 1000] [--agents N]"
          + " [--flood-seconds 3] [--warm-up-seconds 90]",
      "       switchboard bench chat [--visitors 20000] [--seconds 60] [--rate 5000] [--agents rate/20]"
          + " [--warm-up-seconds 60]");

  private Main() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("SWITCHBOARD_ACCESS_LOG", "OFF");
    if (args.length == 0) {
      fail("no benchmark named");
    }
    Map<String, String> options = BenchArgs.parse(args, 1);
    switch (args[0]) {
      case "import" -> ImportBenchmark.run(new BenchArgs(options, "rows", "repeat"));
      case "lookup" -> LookupBenchmark.run(new BenchArgs(options, "seconds", "rate", "customers", "connections",
          "also", "warm-up-seconds"));
      case "routing" -> RoutingBenchmark.run(new BenchArgs(options, "agents", "rate", "seconds", "handle-ms", "also",
          "event-loops", "history-keys", "warm-up-seconds"));
      case "phone" -> PhoneBenchmark.run(new BenchArgs(options, "calls-per-second", "seconds", "talk-ms", "agents",
          "flood-seconds", "warm-up-seconds"));
      case "chat" -> ChatBenchmark.run(new BenchArgs(options, "visitors", "seconds", "rate", "agents",
          "warm-up-seconds"));
      default -> fail("unknown benchmark '" + args[0] + "'");
    }
    System.exit(0);
  }

  static void fail(String message) {
    System.err.println("switchboard bench: " + message + "\n" + USAGE);
    System.exit(2);
  }
}
