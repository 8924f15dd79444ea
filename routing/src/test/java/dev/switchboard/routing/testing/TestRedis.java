package dev.switchboard.routing.testing;

import dev.switchboard.routing.store.LocalRedisServer;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Redis server per test JVM, started on first use and stopped when the JVM exits.
 * Tests isolate themselves by using a fresh center name each ({@link #freshCenter()}), so they
 * never need to flush the server and may run against it concurrently.
 *
 * <p>The server is the machine's {@code redis-server} if installed, as in production; with the system
 * property {@code switchboard.test.redis=shipped}, the binary shipped in the embedded-redis artifact,
 * which is what runs on a machine with only a JDK (the build runs the routing tests both ways).
 */
public final class TestRedis {

  private static final AtomicInteger CENTERS = new AtomicInteger();
  private static LocalRedisServer server;

  private TestRedis() {}

  /** The URI of the shared test server, starting it if needed. */
  public static synchronized String uri() {
    if (server == null) {
      try {
        server = "shipped".equals(System.getProperty("switchboard.test.redis"))
            ? LocalRedisServer.startEphemeralShipped() : LocalRedisServer.startEphemeral();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the test Redis server", e);
      }
      LocalRedisServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-redis-stop"));
    }
    return server.uri();
  }

  /** A center name no other test in this JVM uses. */
  public static String freshCenter() {
    return "t" + ProcessHandle.current().pid() + "-" + CENTERS.incrementAndGet();
  }

  /** A client, connection and store on a fresh center; close the returned handle after the test. */
  public static Connected connect(Vertx vertx) {
    RedisClient client = RedisClient.create(uri());
    StatefulRedisConnection<String, String> connection = client.connect();
    return new Connected(client, connection, new RedisStore(vertx, connection, freshCenter()));
  }

  /** A store with the client behind it, closed together. */
  public record Connected(RedisClient client, StatefulRedisConnection<String, String> connection, RedisStore store)
      implements AutoCloseable {
    @Override
    public void close() {
      connection.close();
      client.shutdown();
    }
  }
}
