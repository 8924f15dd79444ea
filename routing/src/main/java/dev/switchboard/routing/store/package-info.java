/**
 * How routing keeps its state in Redis: the connection bridged to Vert.x futures, key naming with
 * the center's hash tag, Lua scripts, and a local Redis server process for the embedded mode and
 * tests. {@link dev.switchboard.routing.store.LocalRedisServer} blocks and must not run on an event
 * loop; everything else is non-blocking.
 */
package dev.switchboard.routing.store;
