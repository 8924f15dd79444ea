/**
 * The routing engine's public face: {@link dev.switchboard.routing.dispatch.Router} for commands,
 * {@link dev.switchboard.routing.dispatch.RoutingView} for queries and backlogs, and
 * {@link dev.switchboard.routing.dispatch.EventFeed} for the events every node receives. Thread-safe
 * and non-blocking; futures complete on the caller's Vert.x context.
 */
package dev.switchboard.routing.dispatch;
