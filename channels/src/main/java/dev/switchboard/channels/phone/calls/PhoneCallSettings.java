package dev.switchboard.channels.phone.calls;

import java.time.Duration;
import java.util.Objects;

/**
 * How Switchboard drives calls in the dialplan ({@code phone.calls.*}); the context names must match
 * the dialplan described in docs/asterisk.md.
 *
 * @param holdingContext where a waiting caller hears music on hold
 * @param connectContext where a caller is redirected to dial an agent's device ({@code <context>,<device>,1})
 * @param clickToDialContext where an originated agent leg continues to dial an outside number
 * @param ringGrace how long after an offer's deadline a still-ringing agent phone is given up by this
 *     node, should the router's own no-answer event not arrive
 * @param originateRingTimeout how long an originated call rings the agent's phone
 * @param reconcileInterval how often live calls are checked against the PBX's channel list, so a call
 *     whose end was never seen does not keep its contact open
 */
public record PhoneCallSettings(String holdingContext, String connectContext, String clickToDialContext,
    Duration ringGrace, Duration originateRingTimeout, Duration reconcileInterval) {

  public PhoneCallSettings {
    requireContext(holdingContext, "phone.calls.holding-context");
    requireContext(connectContext, "phone.calls.connect-context");
    requireContext(clickToDialContext, "phone.calls.click-to-dial-context");
    requirePositive(ringGrace, "phone.calls.ring-grace");
    requirePositive(originateRingTimeout, "phone.calls.originate-ring-timeout");
    requirePositive(reconcileInterval, "phone.calls.reconcile-interval");
  }

  /** The documented context names, 5 s ring grace, 30 s originate ring, reconcile every 30 s. */
  public static PhoneCallSettings defaults() {
    return new PhoneCallSettings("switchboard-holding", "switchboard-connect", "switchboard-click-to-dial",
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  public PhoneCallSettings withReconcileInterval(Duration value) {
    return new PhoneCallSettings(holdingContext, connectContext, clickToDialContext, ringGrace,
        originateRingTimeout, value);
  }

  public PhoneCallSettings withRingGrace(Duration value) {
    return new PhoneCallSettings(holdingContext, connectContext, clickToDialContext, value, originateRingTimeout,
        reconcileInterval);
  }

  private static void requireContext(String value, String key) {
    if (value == null || !value.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(key + " must be a dialplan context name (letters, digits, _ . -), got '"
          + value + "'");
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
    }
  }
}
