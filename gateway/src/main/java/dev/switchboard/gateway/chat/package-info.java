/**
 * The visitor side of web chat: the {@code /chat/ws} WebSocket protocol (docs/visitor-protocol.md), origin
 * checks, rate limits, customer matching, queue position, offline requests and surveys. Each visitor
 * connection lives on the event loop that accepted it and is only touched there; node-wide events reach it
 * through {@link dev.switchboard.gateway.chat.ChatHub}, which hops onto the connection's context.
 */
package dev.switchboard.gateway.chat;
