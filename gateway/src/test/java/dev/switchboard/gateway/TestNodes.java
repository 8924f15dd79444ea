package dev.switchboard.gateway;

import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configurations for nodes under test: loopback, a free port, an external Redis URI. */
final class TestNodes {

  private TestNodes() {}

  static SwitchboardConfig config(String redisUri, String center) {
    return new SwitchboardConfig(
        new ServerSettings("127.0.0.1", freePort(), 64 * 1024, 8 * 1024 * 1024, Duration.ofSeconds(1)),
        new RedisSettings(Optional.of(redisUri), Optional.empty(), center, Path.of("target/unused-data"),
            Duration.ofSeconds(2), Duration.ofSeconds(3)),
        new DirectorySettings("KR", 50),
        Optional.empty());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
