package dev.switchboard.routing.store;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lua source called as a Redis function ({@code FCALL}) where the server has functions (Redis 7.0
 * and later), and as a script ({@code EVALSHA}, see {@link LuaScript}) where it does not.
 *
 * <p>The source is a script whose last line is {@code return run(KEYS, ARGV)}; as a library that
 * line becomes {@code redis.register_function(NAME, run)}. A library is loaded once, so its local
 * functions are defined once, where a script defines them anew on every run. The library and the
 * function are named after the source's digest, so nodes running different versions of it on one
 * server each call their own. A server that does not have the library yet (new, restarted without
 * persistence) gets it on the first call that misses it; a server without functions, or one that
 * refuses the library, is remembered as such, and every later call runs the script.
 *
 * <p>One instance per server: it remembers what that server can do. Thread-safe.
 */
public final class LuaFunction {

  /** The line a library source registers its function in place of. */
  public static final String SCRIPT_ENTRY = "return run(KEYS, ARGV)";

  private static final Logger log = LoggerFactory.getLogger(LuaFunction.class);

  private final LuaScript script;
  private final String library;
  private final String function;
  private final ScriptOutputType output;
  private volatile boolean functions = true;

  /**
   * Makes a caller for {@code script}, whose library is named {@code prefix} and the source's digest.
   *
   * @throws IllegalArgumentException when the source does not end with {@link #SCRIPT_ENTRY}
   */
  public LuaFunction(LuaScript script, String prefix, ScriptOutputType output) {
    String source = script.source().stripTrailing();
    if (!source.endsWith(SCRIPT_ENTRY)) {
      throw new IllegalArgumentException("Lua source " + script.name() + " must end with '" + SCRIPT_ENTRY
          + "' to be loaded as a library");
    }
    String version = script.sha().substring(0, 12);
    this.script = script;
    this.function = prefix + "_" + version;
    this.library = "#!lua name=" + function + "\n"
        + source.substring(0, source.length() - SCRIPT_ENTRY.length())
        + "redis.register_function('" + function + "', run)\n";
    this.output = output;
  }

  /** The function's name on the server (also its library's). */
  public String function() {
    return function;
  }

  /** The source as loaded into a server with functions. */
  public String library() {
    return library;
  }

  /** True until the server has answered that it has no functions. */
  public boolean usesFunctions() {
    return functions;
  }

  /** Runs the source with {@code keys} and {@code args}; the stage completes on Lettuce's thread. */
  public <T> CompletionStage<T> call(RedisAsyncCommands<String, String> redis, String[] keys, String... args) {
    if (!functions) {
      return script.eval(redis, keys, args);
    }
    CompletionStage<T> called = redis.fcall(function, output, keys, args);
    return called.handle((value, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(value);
      }
      String message = messageOf(failure);
      if (message.startsWith("ERR Function not found")) {
        return load(redis).thenCompose(loaded -> loaded
            ? redis.<T>fcall(function, output, keys, args) : script.<T>eval(redis, keys, args));
      }
      if (message.startsWith("ERR unknown command")) {
        functions = false;
        log.info("Redis has no functions (before 7.0): running {} as a script", script.name());
        return script.<T>eval(redis, keys, args);
      }
      return CompletableFuture.<T>failedFuture(failure);
    }).thenCompose(stage -> stage);
  }

  /**
   * Loads the library; true when loaded. A server that refuses it (an ACL without {@code FUNCTION}, say)
   * is remembered as one without functions, so the source still runs, as a script.
   */
  private CompletionStage<Boolean> load(RedisAsyncCommands<String, String> redis) {
    return redis.functionLoad(library, true).handle((name, failure) -> {
      if (failure == null) {
        return true;
      }
      functions = false;
      log.error("Redis refused to load {} as the function library {} ({}): running it as a script",
          script.name(), function, messageOf(failure).isEmpty() ? failure : messageOf(failure));
      return false;
    });
  }

  private static String messageOf(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof RedisCommandExecutionException && cause.getMessage() != null) {
      return cause.getMessage();
    }
    return "";
  }
}
