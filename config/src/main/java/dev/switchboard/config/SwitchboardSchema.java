package dev.switchboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every setting Switchboard reads, declared once, and how the settings records are built from
 * them. A new section declares its keys here and adds its record to {@link #assemble}.
 */
final class SwitchboardSchema {

  private static final long KIB = 1024;
  private static final long MIB = KIB * 1024;
  private static final long GIB = MIB * 1024;

  static final ConfigKey<String> SERVER_HOST = ConfigKey.withDefault("server.host",
      TextType.word("host", "a host name or IP address without spaces"), "0.0.0.0",
      "Interface the HTTP server binds to; 0.0.0.0 listens on all IPv4 interfaces.");
  static final ConfigKey<Integer> SERVER_PORT = ConfigKey.withDefault("server.port",
      new IntegerType(1, 65535), "8080", "TCP port of the HTTP server (API, WebSockets, web pages).");
  static final ConfigKey<Long> SERVER_BODY_LIMIT = ConfigKey.withDefault("server.body-limit",
      new SizeType(KIB, GIB), "1MiB", "Largest request body an ordinary API call accepts; larger bodies get 413.");
  static final ConfigKey<Long> SERVER_IMPORT_LIMIT = ConfigKey.withDefault("server.import-limit",
      new SizeType(KIB, 1024 * GIB), "1GiB", "Largest body the streaming customer import accepts.");
  static final ConfigKey<Duration> SERVER_SHUTDOWN_GRACE = ConfigKey.withDefault("server.shutdown-grace",
      new DurationType(Duration.ZERO, Duration.ofMinutes(10)), "10s",
      "How long a graceful shutdown waits for requests in flight before closing connections.");

  static final ConfigKey<String> REDIS_URI = ConfigKey.optional("redis.uri", TextType.redisUri(),
      "External Redis to keep shared state in; when unset, Switchboard starts an embedded Redis.");
  static final ConfigKey<Secret> REDIS_PASSWORD = ConfigKey.optional("redis.password", new SecretType(),
      "Password of the external Redis, as env:NAME (see Secrets).");
  static final ConfigKey<String> REDIS_CENTER = ConfigKey.withDefault("redis.center",
      TextType.matching("name", "1 to 32 characters of a-z, 0-9 and '-', starting with a letter or digit",
          Pattern.compile("[a-z0-9][a-z0-9-]{0,31}"), text -> text),
      "main", "Name of the contact center; nodes with the same name and Redis serve one center.");
  static final ConfigKey<Path> REDIS_DATA_DIR = ConfigKey.withDefault("redis.data-dir", TextType.path(),
      "./data", "Directory where the embedded Redis keeps its append-only file.");
  static final ConfigKey<Duration> REDIS_COMMAND_TIMEOUT = ConfigKey.withDefault("redis.command-timeout",
      new DurationType(Duration.ofMillis(10), Duration.ofMinutes(5)), "2s",
      "How long one Redis command may take before it fails.");
  static final ConfigKey<Duration> REDIS_CONNECT_TIMEOUT = ConfigKey.withDefault("redis.connect-timeout",
      new DurationType(Duration.ofMillis(100), Duration.ofMinutes(10)), "10s",
      "How long connecting to Redis at start-up may take before Switchboard gives up.");

  static final ConfigKey<String> DIRECTORY_DEFAULT_REGION = ConfigKey.withDefault("directory.default-region",
      TextType.region(), "KR", "Region used to read phone numbers written without a country code.");
  static final ConfigKey<Integer> DIRECTORY_TIMELINE_LIMIT = ConfigKey.withDefault("directory.timeline-limit",
      new IntegerType(10, 100_000), "1000", "How many entries a customer's timeline keeps; the oldest go first.");

  static final ConfigKey<Duration> ROUTING_OFFER_TIMEOUT = ConfigKey.withDefault("routing.offer-timeout",
      new DurationType(Duration.ofSeconds(1), Duration.ofMinutes(10)), "20s",
      "How long an offer rings at an agent before it counts as missed and the contact returns to its queue.");
  static final ConfigKey<Duration> ROUTING_PREFERRED_AGENT_WAIT = ConfigKey.withDefault("routing.preferred-agent-wait",
      new DurationType(Duration.ZERO, Duration.ofHours(1)), "30s",
      "How long a returning customer waits for their busy preferred agent before anyone may answer; 0s disables it.");
  static final ConfigKey<Duration> ROUTING_TRANSFER_WAIT = ConfigKey.withDefault("routing.transfer-wait",
      new DurationType(Duration.ofSeconds(1), Duration.ofHours(1)), "60s",
      "How long a contact transferred to a named agent waits for that agent before going back to its queue.");
  static final ConfigKey<Duration> ROUTING_SWEEP_INTERVAL = ConfigKey.withDefault("routing.sweep-interval",
      new DurationType(Duration.ofMillis(100), Duration.ofMinutes(1)), "1s",
      "Period of the safety-net sweep that catches offer timeouts and escalations missed by their timers.");
  static final ConfigKey<Integer> ROUTING_BACKLOG_SIZE = ConfigKey.withDefault("routing.backlog-size",
      new IntegerType(1, 100_000), "500", "Events kept per agent so a reconnecting desktop misses nothing.");
  static final ConfigKey<Duration> ROUTING_RETENTION = ConfigKey.withDefault("routing.retention",
      new DurationType(Duration.ofHours(1), Duration.ofDays(3650)), "7d",
      "How long an ended contact and its event log stay in Redis.");
  static final ConfigKey<List<String>> ROUTING_SKILLS = ConfigKey.optional("routing.skills",
      new NameListType(NameTypes.SKILL),
      "The skill catalogue; when set, every skill an agent or queue names must be in it.");
  static final ConfigKey<List<String>> ROUTING_REASON_CODES = ConfigKey.withDefault("routing.reason-codes",
      new NameListType(NameTypes.REASON), "break, lunch, training, meeting",
      "Not-ready reasons agents may pick; missed and login are built in.");
  static final ConfigKey<Integer> ROUTING_COST_VOICE = cost(ContactChannel.VOICE, 100);
  static final ConfigKey<Integer> ROUTING_COST_CHAT = cost(ContactChannel.CHAT, 34);
  static final ConfigKey<Integer> ROUTING_COST_EMAIL = cost(ContactChannel.EMAIL, 20);
  static final ConfigKey<Integer> ROUTING_COST_CALLBACK = cost(ContactChannel.CALLBACK, 100);

  static final ConfigKey<String> PHONE_AGI_BIND_ADDRESS = ConfigKey.withDefault("phone.agi.bind-address",
      TextType.word("host", "an IP address or host name without spaces"), "0.0.0.0",
      "Address the FastAGI listeners bind to; the dialplan's AGI() URL must reach it.");
  static final ConfigKey<Integer> PHONE_AGI_PORT = ConfigKey.withDefault("phone.agi.port", new IntegerType(1, 65535),
      "4573", "FastAGI port of the first PBX in phone.pbxs (each further PBX names its own agi-port).");
  static final ConfigKey<Integer> PHONE_AGI_MAX_CALLS = ConfigKey.withDefault("phone.agi.max-concurrent-calls",
      new IntegerType(1, 10_000), "200", "AGI requests one PBX's listener serves at once.");
  static final ConfigKey<Duration> PHONE_AGI_INTAKE_TIMEOUT = ConfigKey.withDefault("phone.agi.intake-timeout",
      new DurationType(Duration.ofMillis(100), Duration.ofMinutes(1)), "5s",
      "How long a call waits for the routing decision before the dialplan gets FAILED and takes its fallback.");
  static final ConfigKey<String> PHONE_HOLDING_CONTEXT = context("holding-context", "switchboard-holding",
      "Dialplan context where a waiting caller hears music on hold.");
  static final ConfigKey<String> PHONE_CONNECT_CONTEXT = context("connect-context", "switchboard-connect",
      "Dialplan context where a caller dials an agent's device (extension = the device's resource, e.g. 1001).");
  static final ConfigKey<String> PHONE_CLICK_TO_DIAL_CONTEXT = context("click-to-dial-context",
      "switchboard-click-to-dial", "Dialplan context where an agent's leg or a transferred caller dials a number.");
  static final ConfigKey<Duration> PHONE_RING_GRACE = ConfigKey.withDefault("phone.calls.ring-grace",
      new DurationType(Duration.ofMillis(100), Duration.ofMinutes(1)), "5s",
      "Extra time a ringing agent phone gets past the offer deadline before this node gives it up.");
  static final ConfigKey<Duration> PHONE_ORIGINATE_RING = ConfigKey.withDefault("phone.calls.originate-ring-timeout",
      new DurationType(Duration.ofSeconds(1), Duration.ofMinutes(5)), "30s",
      "How long a click-to-dial or consultation call rings the agent's phone.");
  static final ConfigKey<Duration> PHONE_RECONCILE = ConfigKey.withDefault("phone.calls.reconcile-interval",
      new DurationType(Duration.ofSeconds(1), Duration.ofHours(1)), "30s",
      "How often held calls are checked against the PBX's channels, so a call whose end was missed ends its contact.");
  static final ConfigKey<Integer> CHAT_MAX_FRAME_CHARS = ConfigKey.withDefault("chat.limits.max-frame-chars",
      new IntegerType(256, 1_000_000), "12000",
      "Longest frame a visitor may send, in characters; longer frames are refused with too-large.");
  static final ConfigKey<Integer> CHAT_CONNECTION_BURST = ConfigKey.withDefault("chat.limits.connection-burst",
      new IntegerType(1, 100_000), "10", "Frames one visitor connection may send at once before it is slowed down.");
  static final ConfigKey<Integer> CHAT_CONNECTION_PER_SECOND = ConfigKey.withDefault(
      "chat.limits.connection-per-second", new IntegerType(1, 100_000), "2",
      "Frames per second one visitor connection may send once its burst is spent.");
  static final ConfigKey<Integer> CHAT_ADDRESS_BURST = ConfigKey.withDefault("chat.limits.address-burst",
      new IntegerType(1, 10_000_000), "40",
      "Frames all visitor connections from one client address may send at once; raise it behind a proxy.");
  static final ConfigKey<Integer> CHAT_ADDRESS_PER_SECOND = ConfigKey.withDefault("chat.limits.address-per-second",
      new IntegerType(1, 10_000_000), "10",
      "Frames per second all visitor connections from one client address may send once their burst is spent.");
  static final ConfigKey<Duration> CHAT_HEARTBEAT = ConfigKey.withDefault("chat.limits.heartbeat",
      new DurationType(Duration.ofSeconds(1), Duration.ofMinutes(10)), "20s",
      "How often the server pings a visitor; a connection silent for three periods is closed.");
  static final ConfigKey<Duration> CHAT_ABANDON_AFTER = ConfigKey.withDefault("chat.limits.abandon-after",
      new DurationType(Duration.ofSeconds(1), Duration.ofHours(1)), "90s",
      "How long a waiting visitor who lost the connection may take to come back before the chat counts as abandoned.");

  static final ConfigSchema SCHEMA = new ConfigSchema(List.of(
      SERVER_HOST, SERVER_PORT, SERVER_BODY_LIMIT, SERVER_IMPORT_LIMIT, SERVER_SHUTDOWN_GRACE,
      REDIS_URI, REDIS_PASSWORD, REDIS_CENTER, REDIS_DATA_DIR, REDIS_COMMAND_TIMEOUT, REDIS_CONNECT_TIMEOUT,
      DIRECTORY_DEFAULT_REGION, DIRECTORY_TIMELINE_LIMIT,
      ROUTING_OFFER_TIMEOUT, ROUTING_PREFERRED_AGENT_WAIT, ROUTING_TRANSFER_WAIT, ROUTING_SWEEP_INTERVAL,
      ROUTING_BACKLOG_SIZE, ROUTING_RETENTION, ROUTING_SKILLS, ROUTING_REASON_CODES,
      ROUTING_COST_VOICE, ROUTING_COST_CHAT, ROUTING_COST_EMAIL, ROUTING_COST_CALLBACK,
      PHONE_AGI_BIND_ADDRESS, PHONE_AGI_PORT, PHONE_AGI_MAX_CALLS, PHONE_AGI_INTAKE_TIMEOUT, PHONE_HOLDING_CONTEXT,
      PHONE_CONNECT_CONTEXT, PHONE_CLICK_TO_DIAL_CONTEXT, PHONE_RING_GRACE, PHONE_ORIGINATE_RING, PHONE_RECONCILE,
      CHAT_MAX_FRAME_CHARS, CHAT_CONNECTION_BURST, CHAT_CONNECTION_PER_SECOND, CHAT_ADDRESS_BURST,
      CHAT_ADDRESS_PER_SECOND, CHAT_HEARTBEAT, CHAT_ABANDON_AFTER));

  /** Sections that hold lists of mappings, by path; they are read from the file only. */
  static final List<String> LIST_SECTIONS = List.of("agents", "queues", PbxListReader.SECTION, "chat.sites");

  private SwitchboardSchema() {}

  private static ConfigKey<Integer> cost(ContactChannel channel, int units) {
    return ConfigKey.withDefault("routing.costs." + channel.key(), new IntegerType(1, 10_000), String.valueOf(units),
        "Capacity units one " + channel.key() + " contact takes from an agent (an agent usually has 100).");
  }

  private static ConfigKey<String> context(String name, String fallback, String description) {
    return ConfigKey.withDefault("phone.calls." + name, TextType.matching("context",
        "a dialplan context name of letters, digits, '_', '.' and '-'", Pattern.compile("[A-Za-z0-9_.-]{1,80}"),
        text -> text), fallback, description);
  }

  static SwitchboardConfig assemble(ResolvedValues values, Optional<Path> source, List<AgentSettings> agents,
      List<QueueSettings> queues, List<PbxSettings> pbxs, List<ChatSiteSettings> chatSites) {
    ServerSettings server = new ServerSettings(values.get(SERVER_HOST), values.get(SERVER_PORT),
        values.get(SERVER_BODY_LIMIT), values.get(SERVER_IMPORT_LIMIT), values.get(SERVER_SHUTDOWN_GRACE));
    RedisSettings redis = new RedisSettings(values.find(REDIS_URI), values.find(REDIS_PASSWORD),
        values.get(REDIS_CENTER), values.get(REDIS_DATA_DIR),
        values.get(REDIS_COMMAND_TIMEOUT), values.get(REDIS_CONNECT_TIMEOUT));
    DirectorySettings directory = new DirectorySettings(
        values.get(DIRECTORY_DEFAULT_REGION), values.get(DIRECTORY_TIMELINE_LIMIT));
    return new SwitchboardConfig(server, redis, directory, source, routing(values), agents, queues,
        phone(values, pbxs), new ChatSection(chatSites, chatLimits(values)));
  }

  /** The phone section; absent when no PBX is listed. */
  private static Optional<PhoneSection> phone(ResolvedValues values, List<PbxSettings> pbxs) {
    if (pbxs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PhoneSection(values.get(PHONE_AGI_BIND_ADDRESS), values.get(PHONE_AGI_MAX_CALLS),
        values.get(PHONE_AGI_INTAKE_TIMEOUT), values.get(PHONE_HOLDING_CONTEXT), values.get(PHONE_CONNECT_CONTEXT),
        values.get(PHONE_CLICK_TO_DIAL_CONTEXT), values.get(PHONE_RING_GRACE), values.get(PHONE_ORIGINATE_RING),
        values.get(PHONE_RECONCILE), pbxs));
  }

  private static ChatLimitSettings chatLimits(ResolvedValues values) {
    return new ChatLimitSettings(values.get(CHAT_MAX_FRAME_CHARS), values.get(CHAT_CONNECTION_BURST),
        values.get(CHAT_CONNECTION_PER_SECOND), values.get(CHAT_ADDRESS_BURST), values.get(CHAT_ADDRESS_PER_SECOND),
        values.get(CHAT_HEARTBEAT), values.get(CHAT_ABANDON_AFTER));
  }

  private static RoutingSection routing(ResolvedValues values) {
    Map<ContactChannel, Integer> costs = new EnumMap<>(ContactChannel.class);
    costs.put(ContactChannel.VOICE, values.get(ROUTING_COST_VOICE));
    costs.put(ContactChannel.CHAT, values.get(ROUTING_COST_CHAT));
    costs.put(ContactChannel.EMAIL, values.get(ROUTING_COST_EMAIL));
    costs.put(ContactChannel.CALLBACK, values.get(ROUTING_COST_CALLBACK));
    return new RoutingSection(values.get(ROUTING_OFFER_TIMEOUT), values.get(ROUTING_PREFERRED_AGENT_WAIT),
        values.get(ROUTING_TRANSFER_WAIT), values.get(ROUTING_SWEEP_INTERVAL), values.get(ROUTING_BACKLOG_SIZE),
        values.get(ROUTING_RETENTION), values.find(ROUTING_SKILLS).orElse(List.of()),
        values.get(ROUTING_REASON_CODES), costs);
  }
}
