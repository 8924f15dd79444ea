package dev.switchboard.channels.phone.calls;

import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.customer.Lookup;
import dev.switchboard.routing.customer.TimelineEntry;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Objects;

/**
 * Writes call notes into the timeline of the customer who holds the dialled number. With several
 * customers on one number the note goes to none of them (never a silent merge); with none it is
 * dropped.
 */
public final class TimelineCallNotes implements CallNotes {

  private final CustomerDirectory directory;

  public TimelineCallNotes(CustomerDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public Future<Void> note(CallNote note) {
    return directory.lookup(IdentityType.PHONE, note.number()).compose(lookup -> write(lookup, note));
  }

  private Future<Void> write(Lookup lookup, CallNote note) {
    if (lookup.matches().size() != 1) {
      return Future.succeededFuture();
    }
    return directory.appendTimeline(lookup.matches().get(0).customer().id(), new TimelineEntry(note.at(), "call",
        "phone", note.summary(), Map.of("agent", note.agent().value(), "number", note.number(),
            "direction", "outbound")));
  }
}
