/**
 * The agent desktop: one WebSocket per desktop ({@code /agent/ws}) carrying the agent's routing events,
 * screen-pops and chats, and the agent's commands; and the desktop page. Each socket is confined to the
 * event loop that accepted it; the node-wide {@link dev.switchboard.gateway.agent.AgentHub} hands events over.
 */
package dev.switchboard.gateway.agent;
