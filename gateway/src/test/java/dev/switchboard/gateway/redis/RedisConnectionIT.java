package dev.switchboard.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.RedisSettings;
import dev.switchboard.routing.store.Connections;
import dev.switchboard.routing.store.RedisStore;
import dev.switchboard.routing.store.StoreUnavailableException;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RedisConnectionIT {

  private static final RedisSettings SETTINGS = new RedisSettings(Optional.of(TestRedis.uri()), Optional.empty(),
      "lanes", Path.of("target/unused-data"), Duration.ofSeconds(2), Duration.ofSeconds(3));

  @Test
  void aCommandFromAnEventLoopIsSentAndAnsweredOnThatLoop() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(3).setPreferNativeTransport(true));
    try (RedisConnection redis = RedisConnection.open(SETTINGS, new SimpleMeterRegistry())) {
      Connections connections = redis.perEventLoop(vertx);
      Set<StatefulRedisConnection<String, String>> used = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        Context context = ((VertxInternal) vertx).createEventLoopContext();
        CompletableFuture<String[]> threads = new CompletableFuture<>();
        context.runOnContext(ignored -> {
          StatefulRedisConnection<String, String> connection = connections.forCaller();
          used.add(connection);
          String caller = Thread.currentThread().getName();
          connection.async().ping().thenRun(() -> threads.complete(new String[] {caller,
              Thread.currentThread().getName()}));
        });
        String[] callerAndReply = threads.get(10, TimeUnit.SECONDS);
        assertThat(callerAndReply[1]).as("thread of the reply").isEqualTo(callerAndReply[0]);
      }
      assertThat(used).as("one connection per event loop").hasSize(3);
      StatefulRedisConnection<String, String> shared = connections.forCaller();
      assertThat(used).as("another thread gets the shared connection").doesNotContain(shared);
      assertThat(shared.sync().ping()).isEqualTo("PONG");
      assertThat(redis.connected()).isTrue();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCommandAfterTheLinkClosedFailsAsUnavailableInsteadOfThrowing() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    try {
      RedisConnection redis = RedisConnection.open(SETTINGS, new SimpleMeterRegistry());
      RedisStore store = new RedisStore(vertx, redis.perEventLoop(vertx), "lanes");
      redis.close();
      Context context = ((VertxInternal) vertx).createEventLoopContext();
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      context.runOnContext(ignored -> store.run(commands -> commands.ping())
          .onComplete(result -> failure.complete(result.cause())));

      assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(StoreUnavailableException.class);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
