package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real entry point in a child JVM, as {@code ./switchboard} does, and reads its exit status. */
class LauncherIT {

  @TempDir
  Path dir;

  private record Outcome(int status, String stderr) {}

  private Outcome launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
    return new Outcome(process.exitValue(), stderr);
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("switchboard.yaml"), yaml);
  }

  @Test
  void unknownKeyExitsWithStatus2AndASuggestion() throws Exception {
    Path file = config("server:\n  prot: 8080\n");

    Outcome outcome = launch(Map.of(), "start", "--config", file.toString());

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stderr()).contains("server.prot").contains("did you mean 'server.port'");
  }

  @Test
  void brokenYamlExitsWithStatus2NamingTheLine() throws Exception {
    Path file = config("server:\n  port: [8080\n");

    Outcome outcome = launch(Map.of(), "start", "--config", file.toString());

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stderr()).contains(file.toString()).contains("line");
  }

  @Test
  void wrongTypeAndBadPortExitWithStatus2() throws Exception {
    Path file = config("server:\n  port: seventy\n");

    Outcome outcome = launch(Map.of("SWITCHBOARD_DIRECTORY_TIMELINE_LIMIT", "0"), "start", "--config", file.toString());

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stderr()).contains("server.port").contains("seventy")
        .contains("SWITCHBOARD_DIRECTORY_TIMELINE_LIMIT");
  }

  @Test
  void badPortOptionExitsWithStatus2() throws Exception {
    Outcome outcome = launch(Map.of(), "demo", "--port", "70000");

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stderr()).contains("--port '70000'");
  }

  @Test
  void unreachableExternalRedisExitsWithStatus1BeforeServing() throws Exception {
    int closed = TestNodes.freePort();
    Path file = config("redis:\n  uri: redis://127.0.0.1:" + closed + "\n  connect-timeout: 2s\n");

    Outcome outcome = launch(Map.of(), "start", "--config", file.toString());

    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.stderr()).contains("Cannot connect to Redis at 127.0.0.1:" + closed);
  }

  @Test
  void importReportsBadRowsByLineAndExitsWithStatus3() throws Exception {
    int closed = TestNodes.freePort();
    Path csv = Files.writeString(dir.resolve("customers.csv"), "id,name,phones\nok-1,Good,010-2000-0001\nbad-1,Bad,12ab\n");
    Path file = config("redis:\n  uri: " + dev.switchboard.routing.testing.TestRedis.uri() + "\n  center: launcher-"
        + closed + "\n");

    Outcome outcome = launch(Map.of(), "import", csv.toString(), "--config", file.toString());

    assertThat(outcome.status()).isEqualTo(ImportCommand.STATUS_REJECTED_ROWS);
    assertThat(outcome.stderr()).contains("Imported 1 of 2 rows").contains("line 3:").contains("12ab");
  }
}
