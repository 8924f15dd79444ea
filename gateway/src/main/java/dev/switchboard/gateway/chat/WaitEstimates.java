package dev.switchboard.gateway.chat;

import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.queue.QueueId;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A waiting visitor's place in the queue and a rough wait estimate: the contacts ahead, plus this one, times
 * the queue's average handle time today (a default while there is none). Non-blocking.
 */
final class WaitEstimates {

  /** Place in the queue (1 = next) and the estimated wait. */
  record Place(int position, Duration estimatedWait) {}

  private final RoutingView view;
  private final Duration defaultHandleTime;

  WaitEstimates(RoutingView view, Duration defaultHandleTime) {
    this.view = view;
    this.defaultHandleTime = defaultHandleTime;
  }

  /** Empty when the contact no longer waits in the queue (offered, answered, ended). */
  Future<Optional<Place>> place(ContactId contact, QueueId queue) {
    Future<List<ContactId>> waiting = view.waiting(queue);
    Future<Duration> handle = view.queueStats(queue).map(stats -> stats.averageHandleTime().isZero()
        ? defaultHandleTime : stats.averageHandleTime());
    return Future.all(waiting, handle).map(both -> {
      int index = waiting.result().indexOf(contact);
      return index < 0 ? Optional.empty()
          : Optional.of(new Place(index + 1, handle.result().multipliedBy(index + 1)));
    });
  }
}
