/**
 * How routing decisions are made in Redis: the agent-pool plan, the configuration written for the
 * routing script, and the script call itself. Not an API; everything here is non-blocking and thread-safe.
 */
package dev.switchboard.routing.internal;
