package dev.switchboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  static final ConfigSchema SCHEMA = new ConfigSchema(List.of(
      SERVER_HOST, SERVER_PORT, SERVER_BODY_LIMIT, SERVER_IMPORT_LIMIT, SERVER_SHUTDOWN_GRACE,
      REDIS_URI, REDIS_PASSWORD, REDIS_CENTER, REDIS_DATA_DIR, REDIS_COMMAND_TIMEOUT, REDIS_CONNECT_TIMEOUT,
      DIRECTORY_DEFAULT_REGION, DIRECTORY_TIMELINE_LIMIT));

  private SwitchboardSchema() {}

  static SwitchboardConfig assemble(ResolvedValues values, Optional<Path> source) {
    ServerSettings server = new ServerSettings(values.get(SERVER_HOST), values.get(SERVER_PORT),
        values.get(SERVER_BODY_LIMIT), values.get(SERVER_IMPORT_LIMIT), values.get(SERVER_SHUTDOWN_GRACE));
    RedisSettings redis = new RedisSettings(values.find(REDIS_URI), values.find(REDIS_PASSWORD),
        values.get(REDIS_CENTER), values.get(REDIS_DATA_DIR),
        values.get(REDIS_COMMAND_TIMEOUT), values.get(REDIS_CONNECT_TIMEOUT));
    DirectorySettings directory = new DirectorySettings(
        values.get(DIRECTORY_DEFAULT_REGION), values.get(DIRECTORY_TIMELINE_LIMIT));
    return new SwitchboardConfig(server, redis, directory, source);
  }
}
