package dev.switchboard.channels.phone;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Asterisk's manager interface ({@code phone.ami.*}). The secret never appears in
 * {@link #toString()} or in logs.
 *
 * @param host manager host ({@code phone.ami.host})
 * @param port manager port, 5038 by default ({@code phone.ami.port})
 * @param username the {@code [user]} section of manager.conf ({@code phone.ami.username})
 * @param secret its {@code secret} ({@code phone.ami.secret})
 * @param actionTimeout how long an action waits for Asterisk's response
 * @param reconnectMin first delay before reconnecting; doubles on each failure
 * @param reconnectMax the delay never grows past this
 * @param pingInterval how often an idle link is checked with Ping
 * @param eventQueueCapacity events buffered between Asterisk-Java's reader and our handlers
 * @param actionThreads size of the {@code ami-actions} worker pool
 */
public record AmiSettings(String host, int port, String username, String secret, Duration actionTimeout,
    Duration reconnectMin, Duration reconnectMax, Duration pingInterval, int eventQueueCapacity,
    int actionThreads) {

  public static final int DEFAULT_PORT = 5038;

  public AmiSettings {
    requireText(host, "phone.ami.host", "the host name or address of the Asterisk server");
    requireText(username, "phone.ami.username", "the [user] section name in manager.conf");
    Objects.requireNonNull(secret, "phone.ami.secret is missing: set it to the user's secret in manager.conf");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("phone.ami.port must be 1..65535, got " + port);
    }
    requirePositive(actionTimeout, "phone.ami.action-timeout");
    requirePositive(reconnectMin, "phone.ami.reconnect-min");
    requirePositive(reconnectMax, "phone.ami.reconnect-max");
    requirePositive(pingInterval, "phone.ami.ping-interval");
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("phone.ami.reconnect-max (" + reconnectMax
          + ") must not be shorter than phone.ami.reconnect-min (" + reconnectMin + ")");
    }
    if (eventQueueCapacity < 16) {
      throw new IllegalArgumentException("phone.ami.event-queue-capacity must be at least 16, got "
          + eventQueueCapacity);
    }
    if (actionThreads < 1) {
      throw new IllegalArgumentException("phone.ami.action-threads must be at least 1, got " + actionThreads);
    }
  }

  /** Settings with defaults: 5 s action timeout, reconnect 1 s doubling to 30 s, ping every 20 s. */
  public static AmiSettings of(String host, int port, String username, String secret) {
    return new AmiSettings(host, port, username, secret, Duration.ofSeconds(5), Duration.ofSeconds(1),
        Duration.ofSeconds(30), Duration.ofSeconds(20), 10_000, 4);
  }

  /** The same settings with another reconnect backoff. */
  public AmiSettings withReconnect(Duration min, Duration max) {
    return new AmiSettings(host, port, username, secret, actionTimeout, min, max, pingInterval,
        eventQueueCapacity, actionThreads);
  }

  /** The same settings with another action timeout and ping interval. */
  public AmiSettings withTimeouts(Duration action, Duration ping) {
    return new AmiSettings(host, port, username, secret, action, reconnectMin, reconnectMax, ping,
        eventQueueCapacity, actionThreads);
  }

  /** The same settings with another event queue capacity. */
  public AmiSettings withEventQueueCapacity(int capacity) {
    return new AmiSettings(host, port, username, secret, actionTimeout, reconnectMin, reconnectMax,
        pingInterval, capacity, actionThreads);
  }

  /** {@code host:port}, as used in messages. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "AmiSettings[host=" + host + ", port=" + port + ", username=" + username
        + ", secret=****, actionTimeout=" + actionTimeout + ", reconnect=" + reconnectMin + ".."
        + reconnectMax + ", pingInterval=" + pingInterval + ", eventQueueCapacity=" + eventQueueCapacity
        + ", actionThreads=" + actionThreads + "]";
  }

  private static void requireText(String value, String key, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is missing: set it to " + what);
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
    }
  }
}
