/**
 * Agents as the router sees them: ids, profiles with skills and capacity, presence and sessions.
 * Values are immutable and thread-safe.
 */
package dev.switchboard.routing.agent;
