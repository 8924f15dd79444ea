package dev.switchboard.channels.phone.calls;

import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingException;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.dispatch.UnknownContactException;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the contact of a call that ended, from routing's own view of it rather than this node's: an
 * abandon while it waited or rang, a completion once answered, nothing when it already ended. A
 * transition that raced another one (the state moved between the read and the write) is retried
 * on the new state, so duplicate or late hangups never end a contact twice nor leave it open.
 */
final class ContactEnding {

  private static final Logger log = LoggerFactory.getLogger(ContactEnding.class);
  private static final int ATTEMPTS = 3;

  private final Router router;
  private final RoutingView view;

  ContactEnding(Router router, RoutingView view) {
    this.router = router;
    this.view = view;
  }

  Future<Void> end(ContactId contact) {
    return end(contact, 1);
  }

  private Future<Void> end(ContactId contact, int attempt) {
    return view.contact(contact).compose(snapshot -> snapshot.map(this::transition).orElse(Future.succeededFuture()))
        .recover(failure -> {
          if (failure instanceof UnknownContactException) {
            return Future.succeededFuture();
          }
          if (failure instanceof RoutingException && attempt < ATTEMPTS) {
            return end(contact, attempt + 1);
          }
          log.error("[contact={}] the call ended but its contact could not be ended: {}; it stays open in routing "
              + "until ended by hand (check that Redis is reachable)", contact, failure.getMessage());
          return Future.failedFuture(failure);
        });
  }

  private Future<Void> transition(ContactSnapshot snapshot) {
    return switch (snapshot.state()) {
      case QUEUED, OFFERED -> router.abandon(snapshot.id()).mapEmpty();
      case ACTIVE -> router.complete(snapshot.id(), snapshot.agent().orElseThrow(), Optional.empty(), "").mapEmpty();
      case WRAP_UP, ENDED -> Future.succeededFuture();
    };
  }
}
