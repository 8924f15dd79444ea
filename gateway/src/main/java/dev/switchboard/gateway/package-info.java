/**
 * The Vert.x application: the composition root that creates Vert.x, Redis connections and adapters
 * and wires them, the HTTP API, web pages and metrics, and the command-line entry point. Only
 * {@link dev.switchboard.gateway.Main} and {@link dev.switchboard.gateway.Node} block, before any
 * event loop runs or after they have stopped.
 */
package dev.switchboard.gateway;
