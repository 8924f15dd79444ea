package dev.switchboard.gateway.agent;

import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.routing.agent.AgentDirectory;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Which sign-in accounts are agents, and who each is to routing: the account id is the agent id, and
 * the profile comes from the agent directory (config-defined agents and those an admin added).
 */
public final class AgentRoster {

  private final AgentDirectory directory;

  public AgentRoster(AgentDirectory directory) {
    this.directory = directory;
  }

  /** The profile of the account, if the account is an agent. */
  public Future<Optional<AgentProfile>> profile(AccountId account) {
    if (!AgentId.isValid(account.value())) {
      return Future.succeededFuture(Optional.empty());
    }
    return directory.get(new AgentId(account.value()));
  }
}
