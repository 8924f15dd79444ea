package dev.switchboard.gateway.redis;

import dev.switchboard.config.RedisSettings;
import dev.switchboard.routing.store.Connections;
import dev.switchboard.routing.store.LocalRedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.Transports;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's link to Redis: the embedded server when no URI is configured, the Lettuce client, one
 * shared connection served by Lettuce's own threads and, once Vert.x runs, one connection per event
 * loop served by that loop ({@link #perEventLoop}). Lettuce reconnects by itself with exponential
 * backoff; while it is disconnected commands are rejected at once (so callers answer 503 instead of
 * hanging).
 */
public final class RedisConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);

  private final Optional<LocalRedisServer> embedded;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI redisUri;
  private final StatefulRedisConnection<String, String> connection;
  private final String displayUri;
  /** The connections Lettuce reports disconnected and not yet reconnected. */
  private final Set<RedisChannelHandler<?, ?>> down = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final List<StatefulRedisPubSubConnection<String, String>> subscriptions = new CopyOnWriteArrayList<>();
  private final List<Lane> lanes = new CopyOnWriteArrayList<>();

  private RedisConnection(Optional<LocalRedisServer> embedded, ClientResources resources,
      RedisClient client, RedisURI redisUri, StatefulRedisConnection<String, String> connection, String displayUri) {
    this.embedded = embedded;
    this.resources = resources;
    this.client = client;
    this.redisUri = redisUri;
    this.connection = connection;
    this.displayUri = displayUri;
  }

  /** A connection served by one event loop, with the client and resources that bind it there. */
  private record Lane(EventLoop loop, ClientResources resources, RedisClient client,
      StatefulRedisConnection<String, String> connection) {}

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
      RedisConnection link = new RedisConnection(embedded, resources, client, redisUri, connection, display);
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
    return down.isEmpty() && connection.isOpen();
  }

  /**
   * Opens one connection per event loop of {@code vertx}, registered on that loop, and returns the choice
   * of connection by calling thread: a command sent from an event loop goes out and its reply comes back
   * on that loop, with no hand-over to another thread either way; other threads use the shared connection.
   * When Vert.x and Lettuce would use different Netty transports (a loop can serve only its own kind of
   * socket), every caller gets the shared connection. Blocks; call from the composition root before the
   * event loops take work, and close this link before Vert.x.
   */
  public Connections perEventLoop(Vertx vertx) {
    if (!sameTransport(vertx)) {
      log.info("Redis commands go through Lettuce's own threads (Vert.x and Lettuce use different transports)");
      return Connections.single(connection);
    }
    if (!lanes.isEmpty()) {
      throw new IllegalStateException("the per-event-loop connections are open already");
    }
    for (EventExecutor executor : ((VertxInternal) vertx).nettyEventLoopGroup()) {
      EventLoop loop = (EventLoop) executor;
      ClientResources laneResources = resources.mutate().eventLoopGroupProvider(new OneLoop(loop)).build();
      RedisClient laneClient = RedisClient.create(laneResources, redisUri);
      laneClient.setOptions(client.getOptions());
      laneClient.addListener(stateListener());
      try {
        lanes.add(new Lane(loop, laneResources, laneClient, laneClient.connect()));
      } catch (RuntimeException e) {
        laneClient.shutdown();
        laneResources.shutdown();
        throw new RedisStartException("Cannot connect to Redis at " + displayUri + ": " + rootMessage(e), e);
      }
    }
    Lane[] byLoop = lanes.toArray(Lane[]::new);
    return () -> {
      for (Lane lane : byLoop) {
        if (lane.loop().inEventLoop()) {
          return lane.connection();
        }
      }
      return connection;
    };
  }

  /** Whether the socket channel Lettuce would open can be registered on the event loops of {@code vertx}. */
  private static boolean sameTransport(Vertx vertx) {
    String channel = Transports.socketChannelClass().getName();
    return vertx.isNativeTransportEnabled()
        ? channel.equals("io.netty.channel.epoll.EpollSocketChannel")
        : channel.equals("io.netty.channel.socket.nio.NioSocketChannel");
  }

  @Override
  public void close() {
    closing.set(true);
    subscriptions.forEach(StatefulRedisPubSubConnection::close);
    for (Lane lane : lanes) {
      lane.connection().close();
      lane.client().shutdown();
      lane.resources().shutdown();
    }
    connection.close();
    client.shutdown();
    resources.shutdown();
    embedded.ifPresent(LocalRedisServer::close);
  }

  /** Hands Lettuce one existing event loop, which stays Vert.x's to run and to stop. */
  private record OneLoop(EventLoop loop) implements EventLoopGroupProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
      return (T) loop;
    }

    @Override
    public int threadPoolSize() {
      return 1;
    }

    @Override
    public io.netty.util.concurrent.Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout,
        TimeUnit unit) {
      return loop.newSucceededFuture(true);
    }

    @Override
    public io.netty.util.concurrent.Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
      return loop.newSucceededFuture(true);
    }
  }

  private RedisConnectionStateListener stateListener() {
    return new RedisConnectionStateListener() {
      @Override
      public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
        if (down.remove(handler) && down.isEmpty()) {
          log.warn("Redis at {} is reachable again; serving resumes", displayUri);
        }
      }

      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        if (down.add(handler) && down.size() == 1 && !closing.get()) {
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
