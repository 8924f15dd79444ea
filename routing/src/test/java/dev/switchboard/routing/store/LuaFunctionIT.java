package dev.switchboard.routing.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Lua source called as a function where the test Redis has functions, as a script where it has not
 * (the build runs this class on the machine's Redis and on the shipped one, see TestRedis).
 */
class LuaFunctionIT {

  /**
   * Adds to a counter and says how many runs this copy of the helpers has served: 1 each time as a script
   * (defined anew per run), counting up as a function (defined once per load).
   */
  private static final String SOURCE = """
      local SERVED = 0
      local function bump(key, by) return redis.call('INCRBY', key, by) end
      local function run(keys, argv)
        SERVED = SERVED + 1
        if argv[1] == 'fail' then return redis.error_reply('refused: ' .. argv[2]) end
        return 'total=' .. bump(keys[1], argv[1]) .. ',served=' .. SERVED
      end
      return run(KEYS, ARGV)
      """;

  private final Vertx vertx = Vertx.vertx();
  private final TestRedis.Connected redis = TestRedis.connect(vertx);
  private final RedisAsyncCommands<String, String> commands = redis.connection().async();
  private final String[] keys = {redis.store().keys().key("counter")};

  @AfterEach
  void close() throws Exception {
    redis.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void runsAsAFunctionWhereTheServerHasFunctionsAndAsAScriptWhereItHasNot() throws Exception {
    LuaFunction function = function();

    String first = await(function.call(commands, keys, "2"));
    String second = await(function.call(commands, keys, "3"));

    boolean hasFunctions = majorVersion() >= 7;
    assertThat(function.usesFunctions()).isEqualTo(hasFunctions);
    if (hasFunctions) {
      // one library per server: the calls of other tests on it count too
      assertThat(first).startsWith("total=2,served=");
      assertThat(second).isEqualTo("total=5,served=" + (served(first) + 1));
      assertThat(await(commands.functionList(function.function()))).hasSize(1);
      assertThat(await(commands.info("commandstats"))).contains("cmdstat_fcall:");
    } else {
      assertThat(first).isEqualTo("total=2,served=1");
      assertThat(second).isEqualTo("total=5,served=1");
      assertThat(await(commands.info("commandstats"))).contains("cmdstat_evalsha:");
    }
  }

  @Test
  void aServerThatLostTheLibraryGetsItAgainOnTheNextCall() throws Exception {
    LuaFunction function = function();
    await(function.call(commands, keys, "1"));
    if (function.usesFunctions()) {
      await(commands.dispatch(CommandType.FUNCTION, new StatusOutput<>(StringCodec.UTF8),
          new CommandArgs<>(StringCodec.UTF8).add("DELETE").add(function.function())));
      assertThat(await(commands.functionList(function.function()))).isEmpty();
    } else {
      await(commands.scriptFlush());
    }

    assertThat(this.<String>await(function.call(commands, keys, "1"))).isEqualTo("total=2,served=1");  // loaded anew
  }

  @Test
  void aRefusalFromTheSourceFailsTheCallWithItsMessageEitherWay() throws Exception {
    LuaFunction function = function();
    await(function.call(commands, keys, "1"));

    assertThatThrownBy(() -> await(function.call(commands, keys, "fail", "no such thing")))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RedisCommandExecutionException.class)
        .cause().hasMessageContaining("refused: no such thing");
    assertThat(this.<String>await(function.call(commands, keys, "1"))).startsWith("total=2,served=");
  }

  @Test
  void theLibraryRegistersRunInPlaceOfTheScriptEntryAndIsNamedAfterTheSource() {
    LuaFunction function = function();
    LuaFunction changed = new LuaFunction(script(SOURCE.replace("bump(keys[1]", "bump(keys[1] ")), "test_counter",
        ScriptOutputType.VALUE);

    assertThat(function.library()).startsWith("#!lua name=" + function.function() + "\n")
        .endsWith("redis.register_function('" + function.function() + "', run)\n")
        .doesNotContain(LuaFunction.SCRIPT_ENTRY);
    assertThat(function.function()).matches("test_counter_[0-9a-f]{12}");
    assertThat(changed.function()).isNotEqualTo(function.function());
  }

  @Test
  void aSourceThatDoesNotEndWithTheScriptEntryIsRefused() {
    assertThatThrownBy(() -> new LuaFunction(script("return 1\n"), "test_counter", ScriptOutputType.VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end with 'return run(KEYS, ARGV)'");
  }

  private static LuaFunction function() {
    return new LuaFunction(script(SOURCE), "test_counter", ScriptOutputType.VALUE);
  }

  private static LuaScript script(String source) {
    return LuaScript.of("test-counter.lua", source, ScriptOutputType.VALUE);
  }

  private static int served(String reply) {
    return Integer.parseInt(reply.substring(reply.indexOf("served=") + "served=".length()));
  }

  private int majorVersion() throws Exception {
    Matcher version = Pattern.compile("redis_version:(\\d+)\\.").matcher(await(commands.info("server")));
    assertThat(version.find()).isTrue();
    return Integer.parseInt(version.group(1));
  }

  private <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private <T> T await(RedisFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }
}
