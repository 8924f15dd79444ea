package dev.switchboard.routing.internal;

import dev.switchboard.routing.store.LuaFunction;
import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The one Lua script that makes every routing decision, called by operation name: as a Redis function
 * where the server has functions, else as a script (see {@link LuaFunction}). Thread-safe; replies
 * complete on the caller's Vert.x context; a refusal fails with {@link ScriptRejection}.
 */
public final class RoutingScript {

  private static final LuaScript SCRIPT = LuaScript.load("/dev/switchboard/routing/router.lua", ScriptOutputType.VALUE);

  private final RedisStore store;
  private final LuaFunction function;
  private final String[] keys;
  private final String settings;

  /** A script caller that lets the script read settings from the center's config hash. */
  public RoutingScript(RedisStore store) {
    this(store, "");
  }

  /** A script caller passing its settings ({@link ScriptConfiguration#settings}) with every call. */
  public RoutingScript(RedisStore store, String settings) {
    this.store = store;
    this.function = new LuaFunction(SCRIPT, "switchboard_router", ScriptOutputType.VALUE);
    this.keys = new String[] {store.keys().key("cfg")};
    this.settings = settings;
  }

  public Future<JsonObject> call(String operation, long now, String... operands) {
    String[] args = new String[4 + operands.length];
    args[0] = store.keys().prefix();
    args[1] = operation;
    args[2] = Long.toString(now);
    args[3] = settings;
    System.arraycopy(operands, 0, args, 4, operands.length);
    return store.<String>run(redis -> function.call(redis, keys, args)).compose(RoutingScript::checked);
  }

  private static Future<JsonObject> checked(String reply) {
    JsonObject json = new JsonObject(reply);
    String error = json.getString("error");
    if (error != null) {
      return Future.failedFuture(new ScriptRejection(error, json.getString("message")));
    }
    return Future.succeededFuture(json);
  }
}
