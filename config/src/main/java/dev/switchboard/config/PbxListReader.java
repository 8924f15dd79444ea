package dev.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code phone.pbxs:} list of the file into {@link PbxSettings}, reporting every bad entry:
 * missing fields, duplicate ids, FastAGI ports shared by two PBXs, a backoff that shrinks.
 */
final class PbxListReader {

  static final String SECTION = "phone.pbxs";
  static final List<String> FIELDS = List.of("id", "host", "port", "username", "secret", "agi-port",
      "action-timeout", "reconnect-min", "reconnect-max", "ping-interval");
  static final String EXAMPLE = "[{id: pbx1, host: 10.0.0.5, username: switchboard, secret: env:AMI_SECRET}]";

  private static final TextType<String> ID = TextType.matching("PBX id",
      "a PBX id of 1 to 32 characters of a-z, 0-9 and '-', starting with a letter or digit",
      Pattern.compile("[a-z0-9][a-z0-9-]{0,31}"), text -> text);
  private static final TextType<String> HOST = TextType.word("host", "a host name or IP address without spaces");
  private static final TextType<String> USER = TextType.word("username", "a manager.conf user name without spaces");
  private static final IntegerType PORT = new IntegerType(1, 65535);
  private static final DurationType TIMEOUT = new DurationType(Duration.ofMillis(100), Duration.ofMinutes(5));
  private static final DurationType BACKOFF = new DurationType(Duration.ofMillis(10), Duration.ofHours(1));

  private final FileNodes nodes;
  private final UniqueIds ids;
  private final Map<Integer, String> agiPorts = new HashMap<>();

  private PbxListReader(FileNodes nodes) {
    this.nodes = nodes;
    this.ids = new UniqueIds("PBX", nodes);
  }

  /**
   * The PBXs in file order; the first one's FastAGI port defaults to {@code defaultAgiPort}
   * ({@code phone.agi.port}), every other PBX must name its own. Problems go to {@code nodes}.
   */
  static List<PbxSettings> read(Node section, FileNodes nodes, int defaultAgiPort) {
    PbxListReader reader = new PbxListReader(nodes);
    List<PbxSettings> pbxs = new ArrayList<>();
    List<FileNodes.Item> items = nodes.items(section, SECTION, EXAMPLE).orElse(List.of());
    for (int index = 0; index < items.size(); index++) {
      FileNodes.Item item = items.get(index);
      Optional<Integer> fallback = index == 0 ? Optional.of(defaultAgiPort) : Optional.empty();
      FieldReader.open(nodes, item.node(), item.path(), FIELDS).flatMap(fields -> reader.pbx(fields, fallback))
          .ifPresent(pbxs::add);
    }
    return pbxs;
  }

  private Optional<PbxSettings> pbx(FieldReader fields, Optional<Integer> defaultAgiPort) {
    Optional<String> id = fields.required("id", ID, "name each PBX, e.g. id: pbx1");
    id.ifPresent(value -> ids.register(value, fields));
    Optional<String> host = fields.required("host", HOST, "set the Asterisk server's host, e.g. host: 10.0.0.5");
    int port = fields.value("port", PORT, 5038);
    Optional<String> user = fields.required("username", USER,
        "set the [user] section name of manager.conf, e.g. username: switchboard");
    Optional<Secret> secret = fields.required("secret", new SecretType(),
        "write secret: env:NAME and put that user's manager.conf secret in environment variable NAME");
    Optional<Integer> agiPort = agiPort(fields, defaultAgiPort);
    Duration action = fields.value("action-timeout", TIMEOUT, Duration.ofSeconds(5));
    Duration ping = fields.value("ping-interval", BACKOFF, Duration.ofSeconds(20));
    Duration min = fields.value("reconnect-min", BACKOFF, Duration.ofSeconds(1));
    Duration max = fields.value("reconnect-max", BACKOFF, Duration.ofSeconds(30));
    if (max.compareTo(min) < 0) {
      nodes.problem(fields.field("reconnect-max").or(() -> fields.field("reconnect-min")).orElse(fields.node()),
          fields.path("reconnect-max"), "reconnect-max " + DurationType.format(max) + " is shorter than reconnect-min "
              + DurationType.format(min) + "; make reconnect-max the longer one");
      return Optional.empty();
    }
    if (id.isEmpty() || host.isEmpty() || user.isEmpty() || secret.isEmpty() || agiPort.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PbxSettings(id.get(), host.get(), port, user.get(), secret.get(), agiPort.get(), action,
        min, max, ping));
  }

  private Optional<Integer> agiPort(FieldReader fields, Optional<Integer> defaultAgiPort) {
    Optional<Integer> port = fields.optional("agi-port", PORT);
    if (port.isEmpty() && !fields.has("agi-port")) {
      port = defaultAgiPort;
      if (port.isEmpty()) {
        nodes.problem(fields.node(), fields.path("agi-port"), "required for every PBX after the first; give each "
            + "PBX its own FastAGI port, e.g. agi-port: 4574, and use it in that PBX's dialplan");
        return Optional.empty();
      }
    }
    port.ifPresent(value -> {
      String where = fields.path();
      String first = agiPorts.putIfAbsent(value, where);
      if (first != null) {
        nodes.problem(fields.field("agi-port").orElse(fields.node()), fields.path("agi-port"), "FastAGI port "
            + value + " is already used by " + first + "; give each PBX its own agi-port");
      }
    });
    return port;
  }
}
