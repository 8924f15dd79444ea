package dev.switchboard.routing.customer.internal;

import dev.switchboard.routing.store.LuaScript;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Many calls of one integer-returning script written to the connection in one go (one flush instead
 * of one per command), for bulk writes. A call answered {@code NOSCRIPT} (a fresh or restarted
 * server) is sent again through {@link LuaScript#eval}, which loads the script.
 */
public final class ScriptPipeline {

  /** One call's keys and arguments. */
  public record Call(String[] keys, String[] args) {}

  private ScriptPipeline() {}

  /** Sends every call; the result completes when all have answered, or fails with the first failure. */
  public static CompletableFuture<Void> evalAll(RedisAsyncCommands<String, String> redis, LuaScript script,
      List<Call> calls) {
    List<RedisCommand<String, String, ?>> commands = new ArrayList<>(calls.size());
    List<CompletableFuture<?>> answers = new ArrayList<>(calls.size());
    for (Call call : calls) {
      CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add(script.sha())
          .add(call.keys().length).addKeys(call.keys()).addValues(call.args());
      AsyncCommand<String, String, Long> command = new AsyncCommand<>(
          new Command<>(CommandType.EVALSHA, new IntegerOutput<>(StringCodec.UTF8), args));
      commands.add(command);
      answers.add(command.handle((value, failure) -> failure == null
          ? CompletableFuture.completedFuture(value)
          : retryWithoutScriptCache(redis, script, call, failure)).thenCompose(answer -> answer));
    }
    redis.getStatefulConnection().dispatch(commands);
    return CompletableFuture.allOf(answers.toArray(CompletableFuture<?>[]::new));
  }

  private static CompletableFuture<Long> retryWithoutScriptCache(RedisAsyncCommands<String, String> redis,
      LuaScript script, Call call, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof RedisNoScriptException) {
      return script.<Long>eval(redis, call.keys(), call.args()).toCompletableFuture();
    }
    return CompletableFuture.failedFuture(cause);
  }
}
