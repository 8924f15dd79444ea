package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP server: where it listens and how much it accepts.
 *
 * @param host interface to bind ({@code server.host}, default {@code 0.0.0.0})
 * @param port TCP port ({@code server.port}, default 8080, 1-65535)
 * @param bodyLimitBytes largest request body accepted by ordinary API calls ({@code server.body-limit}, default 1 MiB)
 * @param importLimitBytes largest body accepted by the streaming import endpoint ({@code server.import-limit}, default 1 GiB)
 * @param shutdownGrace how long a graceful shutdown waits for requests in flight ({@code server.shutdown-grace}, default 10s)
 */
public record ServerSettings(
    String host, int port, long bodyLimitBytes, long importLimitBytes, Duration shutdownGrace) {

  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
  }

  public ServerSettings withPort(int newPort) {
    return new ServerSettings(host, newPort, bodyLimitBytes, importLimitBytes, shutdownGrace);
  }
}
