package dev.switchboard.routing.agent;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The agents a center knows: their skills, capacity, channels and phone device, shared by every node.
 * Config-defined agents are written here at start-up; the admin API adds and changes others. Routing
 * takes an agent's profile from here when the agent logs in.
 *
 * <p>Non-blocking; futures complete on the caller's context. Failures:
 * {@code StoreUnavailableException} when Redis cannot be reached.
 */
public interface AgentDirectory {

  /** Creates or replaces a profile. */
  Future<AgentProfile> save(AgentProfile profile);

  /** Stores a profile unless one with its id exists; false (and nothing written) when one does. */
  Future<Boolean> create(AgentProfile profile);

  Future<Optional<AgentProfile>> get(AgentId id);

  /** Every profile, ordered by id. */
  Future<List<AgentProfile>> list();

  /** Every agent's id, ordered: {@link #list()} without reading the profiles. */
  Future<List<AgentId>> ids();

  /**
   * A number that changes whenever a profile is saved, created or deleted, so a reader that keeps profiles in
   * memory re-reads them only when this moved.
   */
  Future<Long> version();

  /** Removes a profile; false when there was none. An agent logged in stays so until it logs out. */
  Future<Boolean> delete(AgentId id);
}
