package dev.switchboard.routing.store;

import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Which Redis connection a command goes out on. A node keeps one connection per event loop, each served
 * by that loop itself, so a command sent from an event loop and its reply never change threads; callers on
 * other threads share a default connection.
 */
@FunctionalInterface
public interface Connections {

  /** The connection for the calling thread. */
  StatefulRedisConnection<String, String> forCaller();

  /** Every caller on the one {@code connection}. */
  static Connections single(StatefulRedisConnection<String, String> connection) {
    return () -> connection;
  }
}
