package dev.switchboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where shared state lives.
 *
 * @param uri an external Redis ({@code redis.uri}, e.g. {@code redis://host:6379/0}); empty starts the embedded one
 * @param password password for the external Redis, by environment reference only ({@code redis.password: env:NAME})
 * @param center the contact center's name; every key of one center shares the hash tag {@code {center}} ({@code redis.center}, default {@code main})
 * @param dataDir where the embedded Redis keeps its append-only file ({@code redis.data-dir}, default {@code ./data})
 * @param commandTimeout how long one Redis command may take before it fails ({@code redis.command-timeout}, default 2s)
 * @param connectTimeout how long connecting at start-up may take ({@code redis.connect-timeout}, default 10s)
 */
public record RedisSettings(
    Optional<String> uri,
    Optional<Secret> password,
    String center,
    Path dataDir,
    Duration commandTimeout,
    Duration connectTimeout) {

  public RedisSettings {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(center, "center");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  public boolean embedded() {
    return uri.isEmpty();
  }
}
