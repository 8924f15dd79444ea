package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chat benchmark at a small scale: a real node and echo server in child JVMs, a real Redis. */
class ChatBenchmarkIT {

  @Test
  void relaysEveryMessageAndPrintsTheResultLine() throws Exception {
    String output = captured(() -> ChatBenchmark.run(new BenchArgs(
        Map.of("visitors", "60", "seconds", "2", "rate", "100", "agents", "5"), "visitors", "seconds", "rate",
        "agents")));

    Matcher result = Pattern.compile("RESULT chat sockets=(\\d+) heap_mb=(\\d+) rate=(\\d+) p99_ms=([0-9.]+) "
        + "baseline_ratio=([0-9.]+)").matcher(output);
    assertThat(result.find()).as(output).isTrue();
    assertThat(Integer.parseInt(result.group(1))).isEqualTo(60);
    assertThat(Integer.parseInt(result.group(2))).isBetween(1, 2048);
    assertThat(Double.parseDouble(result.group(4))).isPositive();
    assertThat(Double.parseDouble(result.group(5))).isPositive();
    Matcher chat = Pattern.compile("chat: +([0-9,]+) messages sent \\([0-9,]+/s\\), ([0-9,]+) relayed; .* 0 refused")
        .matcher(output);
    assertThat(chat.find()).as(output).isTrue();
    assertThat(chat.group(2)).isEqualTo(chat.group(1));
    assertThat(output).contains("50 chats answered");
  }

  private static String captured(ThrowingRun run) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(original);
    }
    String output = buffer.toString(StandardCharsets.UTF_8);
    original.print(output);
    return output;
  }

  @FunctionalInterface
  private interface ThrowingRun {
    void run() throws Exception;
  }
}
