/**
 * Connecting to Redis: the embedded local server or an external one, the Lettuce client with its
 * reconnect and timeout behaviour, and the health probe. Connecting blocks and runs at start-up.
 */
package dev.switchboard.gateway.redis;
