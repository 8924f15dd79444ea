package dev.switchboard.channels.phone.calls;

import io.vertx.core.Future;

/**
 * Where notes about calls without a routed contact go (the customer timeline, in production).
 * Called on the {@link PhoneCalls} context; must not block; a failure is logged and changes nothing.
 */
@FunctionalInterface
public interface CallNotes {

  Future<Void> note(CallNote note);

  /** Notes that go nowhere. */
  static CallNotes ignore() {
    return note -> Future.succeededFuture();
  }
}
