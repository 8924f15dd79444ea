package dev.switchboard.gateway.agent;

import dev.switchboard.channels.webchat.ChatEvent;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.RoutingEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The desktops connected to this node, by agent. It receives every routing event of the center (from
 * the {@link EventFeed}) and every chat event (from {@code Conversations.listen}) once per node and hands
 * each to the connections it concerns; each connection then hops to its own event loop. Thread-safe.
 */
public final class AgentHub {

  private final Vertx vertx;
  private final DeskServices services;
  private final Departures departures;
  private final ScreenPop pop;
  private final DeskCommands commands;
  private final Map<AgentId, Set<AgentConnection>> byAgent = new ConcurrentHashMap<>();
  private final ConcurrentMap<ContactId, Set<AgentConnection>> byContact = new ConcurrentHashMap<>();
  private volatile PhoneDesk phone = PhoneDesk.NONE;

  public AgentHub(Vertx vertx, DeskServices services) {
    this.vertx = vertx;
    this.services = services;
    this.departures = new Departures(vertx, services);
    this.pop = new ScreenPop(services.directory(), services.json());
    this.commands = new DeskCommands(services, pop, () -> phone);
  }

  /**
   * Gives the desktops' call commands the node's phone channel, which starts after routing (it needs the
   * router); until then, and on nodes without one, call commands are refused.
   */
  public void attachPhone(PhoneDesk desk) {
    this.phone = java.util.Objects.requireNonNull(desk, "desk");
  }

  /** Subscribes to the center's routing events and the chat events; completes once both are live. */
  public Future<Void> start(EventFeed feed) {
    return Future.all(feed.start(this::route), services.conversations().listen(this::chat)).mapEmpty();
  }

  DeskServices services() {
    return services;
  }

  Departures departures() {
    return departures;
  }

  ScreenPop pop() {
    return pop;
  }

  DeskCommands commands() {
    return commands;
  }

  Vertx vertx() {
    return vertx;
  }

  /** How many desktops this node holds (for metrics and tests). */
  public int connected() {
    return byAgent.values().stream().mapToInt(Set::size).sum();
  }

  /** The set of contacts {@code connection} holds, filed in this hub's index by contact. */
  HeldContacts heldContacts(AgentConnection connection) {
    return new HeldContacts(byContact, connection);
  }

  void attach(AgentId agent, AgentConnection connection) {
    byAgent.computeIfAbsent(agent, id -> ConcurrentHashMap.newKeySet()).add(connection);
  }

  void detach(AgentId agent, AgentConnection connection) {
    byAgent.computeIfPresent(agent, (id, set) -> {
      set.remove(connection);
      return set.isEmpty() ? null : set;
    });
  }

  private void route(RoutingEvent event) {
    event.recipient().ifPresent(agent -> {
      Set<AgentConnection> connections = byAgent.get(agent);
      if (connections != null) {
        connections.forEach(connection -> connection.deliver(event));
      }
    });
  }

  private void chat(ChatEvent event) {
    Set<AgentConnection> holders = byContact.get(new ContactId(event.conversation().value()));
    if (holders != null) {
      holders.forEach(connection -> connection.chat(event));
    }
  }
}
