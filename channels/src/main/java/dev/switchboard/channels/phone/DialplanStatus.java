package dev.switchboard.channels.phone;

/**
 * The values of {@code SWITCHBOARD_STATUS} that {@code AGI(.../route?queue=...)} leaves on the
 * channel; with {@code SWITCHBOARD_CONTACT} (the contact id, when queued) and
 * {@code SWITCHBOARD_REASON} (a human-readable why, when not).
 */
public enum DialplanStatus {
  /** Queued: send the caller to the holding context (music on hold). */
  QUEUED,
  /** The URL named no queue, or one that does not exist. */
  UNKNOWN_QUEUE,
  /** The queue is closed now. */
  CLOSED,
  /** Anything else: unknown AGI script, timeout, internal error. Fall back in the dialplan. */
  FAILED;

  public static final String STATUS_VARIABLE = "SWITCHBOARD_STATUS";
  public static final String CONTACT_VARIABLE = "SWITCHBOARD_CONTACT";
  public static final String REASON_VARIABLE = "SWITCHBOARD_REASON";
}
