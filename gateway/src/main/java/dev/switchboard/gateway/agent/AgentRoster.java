package dev.switchboard.gateway.agent;

import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which sign-in accounts are agents, and who each is to routing: the account id is the agent id.
 * Immutable; built once at start-up from the routing definition.
 */
public final class AgentRoster {

  private final Map<AgentId, AgentProfile> profiles = new LinkedHashMap<>();

  public AgentRoster(List<AgentProfile> agents) {
    for (AgentProfile agent : agents) {
      if (profiles.put(agent.id(), agent) != null) {
        throw new IllegalArgumentException("agent " + agent.id() + " is defined twice: give each agent one profile");
      }
    }
  }

  /** The profile of the account, if the account is an agent. */
  public Optional<AgentProfile> profile(AccountId account) {
    return Optional.ofNullable(profiles.get(new AgentId(account.value())));
  }

  public Collection<AgentProfile> agents() {
    return List.copyOf(profiles.values());
  }
}
