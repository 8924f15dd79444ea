package dev.switchboard.channels.phone.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asterisk's side of FastAGI: connects to the AGI server, sends the {@code agi_} environment of a
 * channel, then answers each command with {@code 200 result=...} until the server closes the socket.
 * Blocking; runs on a simulator thread.
 */
final class AgiDialer {

  /** What the dialplan would see after AGI() returned. */
  record Outcome(Map<String, String> variables, List<String> commands) {
    Outcome {
      variables = Map.copyOf(variables);
      commands = List.copyOf(commands);
    }

    Optional<String> variable(String name) {
      return Optional.ofNullable(variables.get(name));
    }
  }

  /** Receives each variable the script sets, so the PBX can emit VarSet. */
  interface VariableSink {
    void set(String name, String value);
  }

  private final InetSocketAddress server;
  private final Duration timeout;

  AgiDialer(InetSocketAddress server, Duration timeout) {
    this.server = server;
    this.timeout = timeout;
  }

  Outcome run(Map<String, String> environment, VariableSink sink) throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    List<String> commands = new ArrayList<>();
    try (Socket socket = new Socket()) {
      socket.connect(server, (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder env = new StringBuilder();
      environment.forEach((name, value) -> env.append(name).append(": ").append(value).append('\n'));
      out.write(env.append('\n').toString());
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        out.write(answer(line, variables, sink) + "\n");
        out.flush();
      }
    }
    return new Outcome(variables, commands);
  }

  static String answer(String command, Map<String, String> variables, VariableSink sink) {
    List<String> words = AgiCommandWords.split(command);
    if (words.isEmpty()) {
      return "510 Invalid or unknown command";
    }
    String verb = words.get(0).toUpperCase(java.util.Locale.ROOT);
    if (verb.equals("SET") && words.size() >= 4 && words.get(1).equalsIgnoreCase("VARIABLE")) {
      variables.put(words.get(2), words.get(3));
      sink.set(words.get(2), words.get(3));
      return "200 result=1";
    }
    if (verb.equals("GET") && words.size() >= 3 && words.get(1).equalsIgnoreCase("VARIABLE")) {
      String value = variables.get(words.get(2));
      return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
    }
    return switch (verb) {
      case "ANSWER", "NOOP" -> "200 result=0";
      case "VERBOSE", "HANGUP", "SET" -> "200 result=1";
      default -> "510 Invalid or unknown command";
    };
  }
}
