package dev.switchboard.gateway.redis;

import dev.switchboard.config.RedisSettings;
import dev.switchboard.routing.store.LocalRedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's link to Redis: the embedded server when no URI is configured, the Lettuce client and
 * one shared connection. Lettuce reconnects by itself with exponential backoff; while it is
 * disconnected commands are rejected at once (so callers answer 503 instead of hanging).
 */
public final class RedisConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);

  private final Optional<LocalRedisServer> embedded;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String displayUri;
  private final AtomicBoolean connected = new AtomicBoolean(true);
  private final AtomicBoolean closing = new AtomicBoolean();
  private final List<StatefulRedisPubSubConnection<String, String>> subscriptions = new CopyOnWriteArrayList<>();

  private RedisConnection(Optional<LocalRedisServer> embedded, ClientResources resources,
      RedisClient client, StatefulRedisConnection<String, String> connection, String displayUri) {
    this.embedded = embedded;
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.displayUri = displayUri;
  }

  /**
   * Starts the embedded Redis if needed and connects. Blocks; call before any event loop work.
   *
   * @throws RedisStartException with an operator-facing message when Redis cannot be reached
   */
  public static RedisConnection open(RedisSettings settings, MeterRegistry registry) {
    Optional<LocalRedisServer> embedded = startEmbedded(settings);
    String uri = embedded.map(LocalRedisServer::uri).orElseGet(() -> settings.uri().orElseThrow());
    RedisURI redisUri = RedisURI.create(uri);
    settings.password().ifPresent(secret -> redisUri.setPassword(secret.value().toCharArray()));
    redisUri.setTimeout(settings.commandTimeout());
    String display = redisUri.getHost() + ":" + redisUri.getPort();
    ClientResources resources = ClientResources.builder()
        .commandLatencyRecorder(new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create()))
        .build();
    RedisClient client = RedisClient.create(resources, redisUri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
        .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true).build())
        .build());
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      RedisConnection link = new RedisConnection(embedded, resources, client, connection, display);
      client.addListener(link.stateListener());
      log.info("Connected to Redis at {}{}", display, embedded.isPresent() ? " (embedded)" : "");
      return link;
    } catch (RuntimeException e) {
      client.shutdown();
      resources.shutdown();
      embedded.ifPresent(LocalRedisServer::close);
      throw new RedisStartException("Cannot connect to Redis at " + display + ": " + rootMessage(e)
          + ". Check that Redis is running and redis.uri (or SWITCHBOARD_REDIS_URI) points to it;"
          + " remove redis.uri to use the embedded Redis.", e);
    }
  }

  public StatefulRedisConnection<String, String> connection() {
    return connection;
  }

  /**
   * Opens another connection for pub/sub subscriptions (a subscribed connection can run no other command);
   * it is closed with this link. Blocks; call from the composition root.
   */
  public StatefulRedisPubSubConnection<String, String> openPubSub() {
    StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
    subscriptions.add(pubSub);
    return pubSub;
  }

  /** {@code host:port}, safe to show (no credentials). */
  public String displayUri() {
    return displayUri;
  }

  public boolean embedded() {
    return embedded.isPresent();
  }

  /** Whether the link is up as far as Lettuce knows; readiness also pings. */
  public boolean connected() {
    return connected.get() && connection.isOpen();
  }

  @Override
  public void close() {
    closing.set(true);
    subscriptions.forEach(StatefulRedisPubSubConnection::close);
    connection.close();
    client.shutdown();
    resources.shutdown();
    embedded.ifPresent(LocalRedisServer::close);
  }

  private RedisConnectionStateListener stateListener() {
    return new RedisConnectionStateListener() {
      @Override
      public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> handler, SocketAddress address) {
        if (!connected.getAndSet(true)) {
          log.warn("Redis at {} is reachable again; serving resumes", displayUri);
        }
      }

      @Override
      public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> handler) {
        if (connected.getAndSet(false) && !closing.get()) {
          log.warn("Lost the connection to Redis at {}; reconnecting with backoff, requests get 503 meanwhile",
              displayUri);
        }
      }
    };
  }

  private static Optional<LocalRedisServer> startEmbedded(RedisSettings settings) {
    if (!settings.embedded()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalRedisServer.startPersistent(settings.dataDir()));
    } catch (IOException e) {
      throw new RedisStartException("Cannot start the embedded Redis in " + settings.dataDir() + ": "
          + e.getMessage() + ". Set redis.uri to use an external Redis instead.", e);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
