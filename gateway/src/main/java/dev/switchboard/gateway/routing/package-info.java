/**
 * How the gateway sets up routing: the configuration's routing section, agents and queues turned
 * into the routing engine's domain values, validated once at start-up. Pure; no I/O.
 */
package dev.switchboard.gateway.routing;
