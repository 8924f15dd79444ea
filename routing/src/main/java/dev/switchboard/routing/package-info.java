/**
 * The brain of Switchboard: contacts, agents, queues, offers and the customer directory, with their
 * state in Redis. Knows no channel and no HTTP; every operation is asynchronous and returns a Vert.x
 * {@link io.vertx.core.Future} completed on the caller's context.
 */
package dev.switchboard.routing;
