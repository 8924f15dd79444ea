package dev.switchboard.routing.customer.internal;

import dev.switchboard.routing.store.LuaScript;
import io.lettuce.core.ScriptOutputType;

/** The Lua scripts of the customer directory, loaded once per JVM. */
public final class CustomerScripts {

  private static final String DIR = "/dev/switchboard/routing/customer/";

  public static final LuaScript SAVE = LuaScript.load(DIR + "save.lua", ScriptOutputType.INTEGER);
  public static final LuaScript DELETE = LuaScript.load(DIR + "delete.lua", ScriptOutputType.INTEGER);
  public static final LuaScript LOOKUP = LuaScript.load(DIR + "lookup.lua", ScriptOutputType.MULTI);
  public static final LuaScript SEARCH = LuaScript.load(DIR + "search.lua", ScriptOutputType.MULTI);
  public static final LuaScript APPEND_TIMELINE =
      LuaScript.load(DIR + "append-timeline.lua", ScriptOutputType.INTEGER);

  private CustomerScripts() {}
}
