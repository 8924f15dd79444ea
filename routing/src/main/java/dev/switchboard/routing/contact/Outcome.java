package dev.switchboard.routing.contact;

/** How a contact ended. */
public enum Outcome {
  /** An agent handled it and finished the wrap-up. */
  HANDLED,
  /** The customer left while waiting or while the offer rang. */
  ABANDONED,
  /** The channel could not carry it (a failed callback, a dropped line before answer). */
  FAILED
}
