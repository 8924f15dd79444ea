package dev.switchboard.routing.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script read from the classpath, run by SHA ({@code EVALSHA}) and sent whole only when Redis
 * answers {@code NOSCRIPT} (after a restart or on a new server). Immutable and thread-safe.
 */
public final class LuaScript {

  private final String name;
  private final String source;
  private final String sha;
  private final ScriptOutputType output;

  private LuaScript(String name, String source, ScriptOutputType output) {
    this.name = name;
    this.source = source;
    this.sha = sha1(source);
    this.output = output;
  }

  /** A script from its text; {@code name} says where it came from, in messages. */
  public static LuaScript of(String name, String source, ScriptOutputType output) {
    return new LuaScript(name, source, output);
  }

  /** Loads {@code resource} (an absolute classpath path) with the given reply type. */
  public static LuaScript load(String resource, ScriptOutputType output) {
    try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Lua script " + resource + " is missing from the classpath");
      }
      return new LuaScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), output);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Lua script " + resource, e);
    }
  }

  public String name() {
    return name;
  }

  public String sha() {
    return sha;
  }

  /** The script's text. */
  public String source() {
    return source;
  }

  /** Runs the script; the stage completes on Lettuce's thread. */
  public <T> CompletionStage<T> eval(RedisAsyncCommands<String, String> redis, String[] keys, String... args) {
    CompletionStage<T> bySha = redis.evalsha(sha, output, keys, args);
    return bySha.handle((value, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(value);
      }
      Throwable cause = failure.getCause() != null && !(failure instanceof RedisNoScriptException)
          ? failure.getCause() : failure;
      if (cause instanceof RedisNoScriptException) {
        CompletionStage<T> whole = redis.eval(source, output, keys, args);
        return whole;
      }
      return CompletableFuture.<T>failedFuture(failure);
    }).thenCompose(stage -> stage);
  }

  private static String sha1(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
