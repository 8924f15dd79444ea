package dev.switchboard.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own, started from this JVM's class path with a 2 GiB heap cap, the
 * collector's pause goal of a node started by the launcher and,
 * when running as root, an open-files limit raised for tens of thousands of sockets. Its output goes to a
 * log file, printed in part when it fails. Blocking: call from the benchmark's main thread.
 */
final class ChildJvm implements AutoCloseable {

  static final String MAX_HEAP = "-Xmx2g";
  /** The collector's pause goal {@code ./switchboard start} gives a node. */
  static final String PAUSE_GOAL = "-XX:MaxGCPauseMillis=5";
  /** Further JVM options for the child, after {@link #MAX_HEAP} and {@link #PAUSE_GOAL}. */
  static final String JAVA_OPTIONS = "SWITCHBOARD_BENCH_NODE_JAVA_OPTS";
  private static final int OPEN_FILES = 65_536;

  private final String name;
  private final Process process;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code mainClass} with {@code args}; the environment is this process's plus {@code environment}. */
  static ChildJvm start(String name, String mainClass, List<String> args, Map<String, String> environment, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (OPEN_FILES_RAISED) {
      command.addAll(List.of("prlimit", "--nofile=" + OPEN_FILES + ":" + OPEN_FILES, "--"));
    }
    String gcLog = "-Xlog:gc:file=" + log.resolveSibling(log.getFileName() + ".gc");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    command.addAll(List.of(java, MAX_HEAP, PAUSE_GOAL, gcLog));
    String extra = System.getenv().getOrDefault(JAVA_OPTIONS, "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-stop"));
    return new ChildJvm(name, process, log);
  }

  private static final boolean OPEN_FILES_RAISED = canRaiseOpenFiles();

  /**
   * How many files a child may open: {@value #OPEN_FILES} when this process may raise the limit (root with
   * CAP_SYS_RESOURCE), else the limit it inherits from this one.
   */
  static long openFilesLimit() {
    return OPEN_FILES_RAISED ? OPEN_FILES : ownOpenFilesLimit();
  }

  static long ownOpenFilesLimit() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
  }

  private static boolean canRaiseOpenFiles() {
    if (!Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
      return false;
    }
    try {
      Process probe = new ProcessBuilder("prlimit", "--nofile=" + OPEN_FILES + ":" + OPEN_FILES, "--", "true")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  long pid() {
    return process.pid();
  }

  /** Waits until {@code GET url} answers 200, failing with the child's log when it exits or takes too long. */
  void awaitReady(String url, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with status " + process.exitValue() + ":\n" + tail());
      }
      try {
        if (get(url).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready at " + url + " within " + timeout.toSeconds() + " s:\n" + tail());
  }

  /** The heap in use as the node's Prometheus endpoint reports it (sum of the heap pools); empty if unreadable. */
  OptionalLong heapUsedBytes(int port) {
    try {
      double used = 0;
      boolean found = false;
      for (Map.Entry<String, Double> series : metrics(port).entrySet()) {
        if (series.getKey().startsWith("jvm_memory_used_bytes{") && series.getKey().contains("area=\"heap\"")) {
          used += series.getValue();
          found = true;
        }
      }
      return found ? OptionalLong.of((long) used) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Every series of the node's {@code /metrics} scrape, by name with its labels as written
   * ({@code switchboard_ami_up{pbx="bench"}}).
   */
  Map<String, Double> metrics(int port) throws IOException {
    try {
      Map<String, Double> series = new LinkedHashMap<>();
      for (String line : get("http://127.0.0.1:" + port + "/metrics").body().split("\n")) {
        int space = line.lastIndexOf(' ');
        if (!line.startsWith("#") && space > 0) {
          value(line.substring(space + 1)).ifPresent(value -> series.put(line.substring(0, space), value));
        }
      }
      return series;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading /metrics", e);
    }
  }

  private static Optional<Double> value(String text) {
    return switch (text) {
      case "+Inf" -> Optional.of(Double.POSITIVE_INFINITY);
      case "-Inf" -> Optional.of(Double.NEGATIVE_INFINITY);
      default -> {
        try {
          yield Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
          yield Optional.empty();
        }
      }
    };
  }

  /** Asks the child for a full collection ({@code jcmd PID GC.run}); false when jcmd is unavailable. */
  boolean collectGarbage() throws InterruptedException {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
