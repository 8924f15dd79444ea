package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.store.RedisKeys;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every routing event of a center, as published by any node, delivered on this node: the gateway
 * forwards those addressed to agents whose connection it holds. Uses a dedicated pub/sub connection,
 * which the composition root creates and closes. Events arrive in the order Redis published them;
 * a client that missed some (a reconnect) asks {@link RoutingView#eventsAfter} for its backlog.
 *
 * <p>Several handlers may share one feed (the desktops, the chat and the phone channel of a node): each
 * message is decoded once, on the connection's I/O thread, and handed to every handler on the Vert.x context
 * that registered it. Handlers must not block.
 */
public final class EventFeed {

  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

  private record Handler(Context context, Consumer<RoutingEvent> consumer) {}

  private final Vertx vertx;
  private final String channel;
  private final StatefulRedisPubSubConnection<String, String> connection;
  private final List<Handler> handlers = new CopyOnWriteArrayList<>();
  private Future<Void> subscribed;

  public EventFeed(Vertx vertx, RedisKeys keys, StatefulRedisPubSubConnection<String, String> connection) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.channel = keys.key("events");
    this.connection = Objects.requireNonNull(connection, "connection");
    connection.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        if (channel.equals(from)) {
          deliver(message);
        }
      }
    });
  }

  /**
   * Adds {@code handler}, run on the calling Vert.x context; the first handler subscribes. The future completes
   * once Redis confirmed the subscription.
   */
  public synchronized Future<Void> start(Consumer<RoutingEvent> handler) {
    Context context = vertx.getOrCreateContext();
    handlers.add(new Handler(context, Objects.requireNonNull(handler, "handler")));
    if (subscribed == null) {
      subscribed = Future.fromCompletionStage(connection.async().subscribe(channel), context).mapEmpty();
    }
    return subscribed;
  }

  /** Stops handing events to {@code handler} (the others keep theirs). */
  public void remove(Consumer<RoutingEvent> handler) {
    handlers.removeIf(registered -> registered.consumer() == handler);
  }

  /** Unsubscribes: no handler gets events any more. */
  public synchronized Future<Void> stop() {
    handlers.clear();
    if (subscribed == null) {
      return Future.succeededFuture();
    }
    subscribed = null;
    return Future.fromCompletionStage(connection.async().unsubscribe(channel), vertx.getOrCreateContext()).mapEmpty();
  }

  private void deliver(String message) {
    RoutingEvent event;
    try {
      event = EventDecoding.decode(message);
    } catch (RuntimeException e) {
      log.warn("[channel={}] skipped an undecodable routing event: {}", channel, e.getMessage());
      return;
    }
    for (Handler handler : handlers) {
      handler.context().runOnContext(ignored -> handler.consumer().accept(event));
    }
  }
}
