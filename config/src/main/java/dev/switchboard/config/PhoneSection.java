package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The phone channel ({@code phone.*}): the FastAGI listener, the dialplan contexts Switchboard drives
 * calls through, and the PBXs. Present in {@link SwitchboardConfig} only when at least one PBX is listed.
 *
 * @param agiBindAddress address the FastAGI listeners bind to ({@code phone.agi.bind-address})
 * @param maxConcurrentCalls AGI requests served at once per PBX ({@code phone.agi.max-concurrent-calls})
 * @param intakeTimeout how long the dialplan waits for the routing decision ({@code phone.agi.intake-timeout})
 * @param holdingContext where waiting callers hear music on hold ({@code phone.calls.holding-context})
 * @param connectContext where a caller dials an agent's device ({@code phone.calls.connect-context})
 * @param clickToDialContext where an agent's leg dials an outside number ({@code phone.calls.click-to-dial-context})
 * @param ringGrace extra time a ringing agent phone gets past the offer deadline ({@code phone.calls.ring-grace})
 * @param originateRingTimeout how long an originated call rings the agent ({@code phone.calls.originate-ring-timeout})
 * @param reconcileInterval how often held calls are checked against the PBX ({@code phone.calls.reconcile-interval})
 * @param pbxs the PBXs, ids and FastAGI ports unique, at least one
 */
public record PhoneSection(String agiBindAddress, int maxConcurrentCalls, Duration intakeTimeout,
    String holdingContext, String connectContext, String clickToDialContext, Duration ringGrace,
    Duration originateRingTimeout, Duration reconcileInterval, List<PbxSettings> pbxs) {

  public PhoneSection {
    Objects.requireNonNull(agiBindAddress, "agiBindAddress");
    Objects.requireNonNull(intakeTimeout, "intakeTimeout");
    Objects.requireNonNull(holdingContext, "holdingContext");
    Objects.requireNonNull(connectContext, "connectContext");
    Objects.requireNonNull(clickToDialContext, "clickToDialContext");
    Objects.requireNonNull(ringGrace, "ringGrace");
    Objects.requireNonNull(originateRingTimeout, "originateRingTimeout");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    pbxs = List.copyOf(pbxs);
    if (pbxs.isEmpty()) {
      throw new IllegalArgumentException("phone.pbxs: list at least one PBX");
    }
  }

  /** The documented defaults (listen on 0.0.0.0, contexts switchboard-*) for {@code pbxs}. */
  public static PhoneSection defaults(List<PbxSettings> pbxs) {
    return new PhoneSection("0.0.0.0", 200, Duration.ofSeconds(5), "switchboard-holding", "switchboard-connect",
        "switchboard-click-to-dial", Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30), pbxs);
  }

  /** The same section with the FastAGI listeners bound to another address. */
  public PhoneSection withAgiBindAddress(String value) {
    return new PhoneSection(value, maxConcurrentCalls, intakeTimeout, holdingContext, connectContext,
        clickToDialContext, ringGrace, originateRingTimeout, reconcileInterval, pbxs);
  }
}
