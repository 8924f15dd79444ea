package dev.switchboard.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration of one Switchboard node.
 *
 * @param source the file it was read from, empty when built from defaults and the environment only
 */
public record SwitchboardConfig(
    ServerSettings server, RedisSettings redis, DirectorySettings directory, Optional<Path> source) {

  public SwitchboardConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(source, "source");
  }
}
