package dev.switchboard.channels.phone.sim;

/** How a simulated agent phone reacts when the PBX dials it. */
public enum AgentBehaviour {
  /** Rings, then answers. */
  ANSWER,
  /** Rings until the dial times out (DialStatus NOANSWER, cause 19). */
  NO_ANSWER,
  /** Rejects at once (DialStatus BUSY, cause 17). */
  BUSY,
  /** Rings until the caller is moved elsewhere or hangs up (DialStatus CANCEL). */
  RING
}
