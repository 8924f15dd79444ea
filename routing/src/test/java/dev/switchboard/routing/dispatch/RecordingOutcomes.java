package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.contact.ContactOutcomes;
import dev.switchboard.routing.contact.EndedContact;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every ended contact the router reports. */
final class RecordingOutcomes implements ContactOutcomes {

  final List<EndedContact> ended = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> ended(EndedContact contact) {
    ended.add(contact);
    return Future.succeededFuture();
  }
}
