package dev.switchboard.routing.contact;

/**
 * Where a contact is in its life: {@code QUEUED -> OFFERED -> ACTIVE -> WRAP_UP -> ENDED}, with
 * {@code OFFERED -> QUEUED} on reject or no answer, {@code QUEUED|OFFERED -> ENDED} when the customer
 * leaves, and {@code ACTIVE -> QUEUED} on transfer.
 */
public enum ContactState {
  QUEUED,
  OFFERED,
  ACTIVE,
  WRAP_UP,
  ENDED
}
