package dev.switchboard.channels.phone;

import java.time.Duration;
import java.util.Objects;

/**
 * The FastAGI listener ({@code phone.agi.*}).
 *
 * @param bindAddress address to listen on, e.g. {@code 0.0.0.0} ({@code phone.agi.bind-address})
 * @param port TCP port, 4573 by default ({@code phone.agi.port})
 * @param maxConcurrentCalls AGI requests served at once ({@code phone.agi.max-concurrent-calls})
 * @param intakeTimeout how long a call may wait for the routing decision before the dialplan gets
 *     {@code FAILED} ({@code phone.agi.intake-timeout})
 */
public record FastAgiSettings(String bindAddress, int port, int maxConcurrentCalls, Duration intakeTimeout) {

  public static final int DEFAULT_PORT = 4573;

  public FastAgiSettings {
    Objects.requireNonNull(bindAddress, "phone.agi.bind-address is missing: use 0.0.0.0 to listen everywhere");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("phone.agi.port must be 1..65535, got " + port);
    }
    if (maxConcurrentCalls < 1) {
      throw new IllegalArgumentException("phone.agi.max-concurrent-calls must be at least 1, got "
          + maxConcurrentCalls);
    }
    if (intakeTimeout == null || intakeTimeout.isNegative() || intakeTimeout.isZero()) {
      throw new IllegalArgumentException("phone.agi.intake-timeout must be a positive duration, got "
          + intakeTimeout);
    }
  }

  /** Listen on {@code bindAddress:port}, 200 concurrent calls, 5 s intake timeout. */
  public static FastAgiSettings of(String bindAddress, int port) {
    return new FastAgiSettings(bindAddress, port, 200, Duration.ofSeconds(5));
  }

  public String address() {
    return bindAddress + ":" + port;
  }
}
