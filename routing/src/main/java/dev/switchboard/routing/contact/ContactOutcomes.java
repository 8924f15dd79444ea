package dev.switchboard.routing.contact;

import io.vertx.core.Future;

/**
 * Receives every contact routing ends, once, on the node whose operation ended it; the composition
 * root plugs in the customer timeline here.
 *
 * <p>Called on the Vert.x context of the operation that ended the contact; must not block. A failed
 * future is logged by routing and does not undo the end of the contact, which is already stored.
 */
@FunctionalInterface
public interface ContactOutcomes {

  Future<Void> ended(EndedContact contact);

  /** Outcomes that go nowhere. */
  static ContactOutcomes ignore() {
    return contact -> Future.succeededFuture();
  }
}
