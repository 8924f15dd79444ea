package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.store.RedisKeys;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every routing event of a center, as published by any node, delivered on this node: the gateway
 * forwards those addressed to agents whose connection it holds. Uses a dedicated pub/sub connection,
 * which the composition root creates and closes. Events arrive in the order Redis published them;
 * a client that missed some (a reconnect) asks {@link RoutingView#eventsAfter} for its backlog.
 *
 * <p>The handler runs on the Vert.x context that called {@link #start}; it must not block.
 */
public final class EventFeed {

  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

  private final Vertx vertx;
  private final String channel;
  private final StatefulRedisPubSubConnection<String, String> connection;

  public EventFeed(Vertx vertx, RedisKeys keys, StatefulRedisPubSubConnection<String, String> connection) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.channel = keys.key("events");
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** Subscribes; the future completes once Redis confirmed the subscription. */
  public Future<Void> start(Consumer<RoutingEvent> handler) {
    Context context = vertx.getOrCreateContext();
    connection.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        if (!channel.equals(from)) {
          return;
        }
        context.runOnContext(ignored -> deliver(handler, message));
      }
    });
    return Future.fromCompletionStage(connection.async().subscribe(channel), context).mapEmpty();
  }

  public Future<Void> stop() {
    return Future.fromCompletionStage(connection.async().unsubscribe(channel), vertx.getOrCreateContext()).mapEmpty();
  }

  private void deliver(Consumer<RoutingEvent> handler, String message) {
    RoutingEvent event;
    try {
      event = EventDecoding.decode(message);
    } catch (RuntimeException e) {
      log.warn("[channel={}] skipped an undecodable routing event: {}", channel, e.getMessage());
      return;
    }
    handler.accept(event);
  }
}
