package dev.switchboard.routing.store;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One center's view of Redis: the Lettuce connections (see {@link Connections}), the center's key names,
 * and the bridge from Lettuce's futures back to the caller's Vert.x context.
 *
 * <p>Thread-safe; created once by the composition root. Commands never block. A command that fails
 * because Redis is unreachable or too slow fails with {@link StoreUnavailableException}; Redis
 * errors (a script error, a wrong type) stay {@link RedisException}.
 */
public final class RedisStore {

  private final Vertx vertx;
  private final Connections connections;
  private final RedisKeys keys;

  public RedisStore(Vertx vertx, StatefulRedisConnection<String, String> connection, String center) {
    this(vertx, Connections.single(Objects.requireNonNull(connection, "connection")), center);
  }

  public RedisStore(Vertx vertx, Connections connections, String center) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.keys = new RedisKeys(center);
  }

  public RedisKeys keys() {
    return keys;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The async commands, for callers that batch many commands before waiting (bulk import). */
  public RedisAsyncCommands<String, String> commands() {
    return connections.forCaller().async();
  }

  /** Runs one command and completes on the caller's context. */
  public <T> Future<T> run(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> command) {
    CompletionStage<T> stage;
    try {
      stage = command.apply(connections.forCaller().async());
    } catch (RuntimeException e) {
      return Future.failedFuture(refused(e));
    }
    return bridge(stage);
  }

  /** Brings a Lettuce completion back to the caller's Vert.x context, translating failures. */
  public <T> Future<T> bridge(CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, vertx.getOrCreateContext())
        .recover(failure -> Future.failedFuture(translate(failure)));
  }

  /** Runs a Lua script by its SHA, loading it when Redis does not know it yet. */
  public <T> Future<T> eval(LuaScript script, String[] keys, String... args) {
    CompletionStage<T> stage;
    try {
      stage = script.eval(connections.forCaller().async(), keys, args);
    } catch (RuntimeException e) {
      return Future.failedFuture(refused(e));
    }
    return bridge(stage);
  }

  /**
   * A command refused before it was sent: by Redis's rules ({@link RedisException}), or because the client is
   * shut down (the node is stopping), which reads as Redis being unavailable.
   */
  static Throwable refused(RuntimeException failure) {
    if (failure instanceof IllegalStateException || failure instanceof java.util.concurrent.RejectedExecutionException) {
      return new StoreUnavailableException("Redis is unavailable: the client is shut down", failure);
    }
    return translate(failure);
  }

  static Throwable translate(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException
        || cause instanceof java.io.IOException) {
      return new StoreUnavailableException("Redis is unavailable: " + cause.getMessage(), cause);
    }
    if (cause instanceof RedisException && cause.getMessage() != null
        && (cause.getMessage().contains("Connection closed") || cause.getMessage().contains("Connection is closed")
            || cause.getMessage().contains("not connected")
            || cause.getMessage().startsWith("Currently not connected"))) {
      return new StoreUnavailableException("Redis is unavailable: " + cause.getMessage(), cause);
    }
    return cause;
  }
}
