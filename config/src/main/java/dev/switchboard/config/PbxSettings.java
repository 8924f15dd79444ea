package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One Asterisk server of the {@code phone.pbxs:} list: its manager interface and the FastAGI port its
 * dialplan calls. The secret never appears in {@link #toString()}.
 *
 * @param id a short name used in logs and readiness ({@code pbx1})
 * @param host manager host
 * @param port manager port
 * @param username the {@code [user]} section of manager.conf
 * @param secret that user's secret, from the environment
 * @param agiPort the FastAGI port this PBX's dialplan calls ({@code agi://switchboard:PORT/route?queue=...})
 * @param actionTimeout how long an AMI action waits for its response
 * @param reconnectMin first delay before reconnecting; doubles on each failure
 * @param reconnectMax the reconnect delay never grows past this
 * @param pingInterval how often an idle link is checked
 */
public record PbxSettings(String id, String host, int port, String username, Secret secret, int agiPort,
    Duration actionTimeout, Duration reconnectMin, Duration reconnectMax, Duration pingInterval) {

  public PbxSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(actionTimeout, "actionTimeout");
    Objects.requireNonNull(reconnectMin, "reconnectMin");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
    Objects.requireNonNull(pingInterval, "pingInterval");
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("PBX " + id + ": reconnect-max " + reconnectMax
          + " is shorter than reconnect-min " + reconnectMin);
    }
  }

  /** A PBX with the documented defaults for timeouts and backoff (5 s, 1 s doubling to 30 s, ping 20 s). */
  public static PbxSettings of(String id, String host, int port, String username, Secret secret, int agiPort) {
    return new PbxSettings(id, host, port, username, secret, agiPort, Duration.ofSeconds(5), Duration.ofSeconds(1),
        Duration.ofSeconds(30), Duration.ofSeconds(20));
  }

  @Override
  public String toString() {
    return "PbxSettings[id=" + id + ", ami=" + host + ":" + port + ", username=" + username + ", secret=" + secret
        + ", agiPort=" + agiPort + ", actionTimeout=" + actionTimeout + ", reconnect=" + reconnectMin + ".."
        + reconnectMax + ", pingInterval=" + pingInterval + "]";
  }
}
