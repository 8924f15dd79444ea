package dev.switchboard.gateway.agent;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.store.RedisStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an agent whose desktop vanished. Each connection claims the agent's desk marker in
 * Redis ({@code desk:<agent>} = connection id) when it says hello; when a socket closes without being
 * replaced, two Vert.x timers start on the node that held it. After the offer grace, if no newer
 * connection (on any node) claimed the marker, the agent is logged out: open offers return to their
 * queues. After the chat grace, still unclaimed, the agent's active contacts are transferred back to
 * their own queues, keeping their place. Timers run on the closing connection's context.
 */
final class Departures {

  private static final Logger log = LoggerFactory.getLogger(Departures.class);
  private static final long MARKER_TTL_SECONDS = 7 * 24 * 3600;

  private final Vertx vertx;
  private final RedisStore store;
  private final Router router;
  private final RoutingView view;
  private final Duration offerGrace;
  private final Duration chatGrace;

  Departures(Vertx vertx, DeskServices services) {
    this.vertx = vertx;
    this.store = services.store();
    this.router = services.router();
    this.view = services.view();
    this.offerGrace = services.settings().offerGrace();
    this.chatGrace = services.settings().chatGrace();
  }

  /** Records {@code connection} as the agent's current desktop. */
  Future<Void> claim(AgentId agent, String connection) {
    return store.run(redis -> redis.setex(marker(agent), MARKER_TTL_SECONDS, connection)).mapEmpty();
  }

  /** Starts the grace timers for a desktop that went away. */
  void left(AgentId agent, String connection) {
    vertx.setTimer(offerGrace.toMillis(), timer -> stillGone(agent, connection).onSuccess(gone -> {
      if (gone) {
        logOut(agent);
      }
    }));
    vertx.setTimer(chatGrace.toMillis(), timer -> stillGone(agent, connection).onSuccess(gone -> {
      if (gone) {
        requeueActive(agent);
      }
    }));
  }

  private Future<Boolean> stillGone(AgentId agent, String connection) {
    return store.run(redis -> redis.get(marker(agent))).map(owner -> owner == null || owner.equals(connection))
        .onFailure(failure -> log.warn("[agent={}] could not check whether the desktop came back; leaving the agent"
            + " as is: {}", agent, failure.toString()));
  }

  private void logOut(AgentId agent) {
    router.logout(agent)
        .onSuccess(done -> log.info("[agent={}] desktop gone for {} s: logged out, open offers requeued", agent,
            offerGrace.toSeconds()))
        .onFailure(failure -> log.debug("[agent={}] logout after departure skipped: {}", agent, failure.getMessage()));
  }

  private void requeueActive(AgentId agent) {
    view.agent(agent).compose(snapshot -> {
      List<ContactId> held = snapshot.map(found -> List.copyOf(found.contacts())).orElse(List.of());
      return Future.join(held.stream().map(contact -> requeue(agent, contact)).toList());
    }).onFailure(failure -> log.warn("[agent={}] could not requeue the contacts of a departed agent: {}", agent,
        failure.toString()));
  }

  private Future<Void> requeue(AgentId agent, ContactId contact) {
    return view.contact(contact).compose(found -> {
      Optional<ContactSnapshot> active = found.filter(snapshot -> snapshot.state() == ContactState.ACTIVE
          && snapshot.agent().filter(agent::equals).isPresent());
      if (active.isEmpty()) {
        return Future.succeededFuture();
      }
      return router.transferToQueue(contact, agent, active.get().queue()).onSuccess(done -> log.info(
          "[agent={} contact={}] agent away for {} s: active contact returned to queue {}", agent, contact,
          chatGrace.toSeconds(), active.get().queue()));
    });
  }

  private String marker(AgentId agent) {
    return store.keys().key("desk", "agent", agent.value());
  }
}
