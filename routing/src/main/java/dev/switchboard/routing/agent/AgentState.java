package dev.switchboard.routing.agent;

/** Whether an agent may be offered contacts. */
public enum AgentState {
  OFFLINE,
  READY,
  NOT_READY
}
