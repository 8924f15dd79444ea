package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a center's event stream (in Redis publish order) and records every broken rule: a contact held
 * by two agents, an agent over capacity or on two calls, a release by an agent who did not hold it.
 * Not thread-safe: feed it from one event-loop context.
 */
final class RoutingInvariants {

  private final ChannelCosts costs;
  private final int capacity;
  private final Map<ContactId, AgentId> holders = new HashMap<>();
  private final Map<ContactId, Channel> channels = new HashMap<>();
  private final Map<AgentId, Integer> used = new HashMap<>();
  private final Map<AgentId, Integer> calls = new HashMap<>();
  private final Map<ContactId, ContactState> states = new HashMap<>();
  final List<String> violations = new ArrayList<>();
  int offers;

  RoutingInvariants(ChannelCosts costs, int capacity) {
    this.costs = costs;
    this.capacity = capacity;
  }

  synchronized void observe(RoutingEvent event) {
    if (!(event instanceof RoutingEvent.ContactChanged changed)) {
      return;
    }
    ContactId contact = changed.contact();
    channels.put(contact, changed.channel());
    AgentId holder = holders.get(contact);
    ContactState previous = states.put(contact, changed.state());
    if (previous == ContactState.ENDED) {
      violations.add(contact + " changed to " + changed.state() + " after it ended");
    }
    switch (changed.state()) {
      case OFFERED -> offered(contact, holder, changed.agent().orElse(null));
      case ACTIVE, WRAP_UP -> {
        if (holder == null || !changed.agent().equals(java.util.Optional.of(holder))) {
          violations.add(contact + " " + changed.state() + " by " + changed.agent() + " but held by " + holder);
        }
      }
      case QUEUED, ENDED -> {
        if (holder != null) {
          release(contact, holder);
        }
      }
    }
  }

  private void offered(ContactId contact, AgentId holder, AgentId agent) {
    offers++;
    if (holder != null) {
      violations.add(contact + " offered to " + agent + " while held by " + holder);
      return;
    }
    holders.put(contact, agent);
    int total = used.merge(agent, costs.cost(channels.get(contact)), Integer::sum);
    if (total > capacity) {
      violations.add(agent + " holds " + total + " units, over its capacity " + capacity);
    }
    if (channels.get(contact) == Channel.VOICE && calls.merge(agent, 1, Integer::sum) > 1) {
      violations.add(agent + " was given a second call with " + contact);
    }
  }

  private void release(ContactId contact, AgentId holder) {
    holders.remove(contact);
    used.merge(holder, -costs.cost(channels.get(contact)), Integer::sum);
    if (channels.get(contact) == Channel.VOICE) {
      calls.merge(holder, -1, Integer::sum);
    }
  }

  synchronized Map<ContactId, ContactState> states() {
    return Map.copyOf(states);
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  synchronized boolean nothingHeld() {
    return holders.isEmpty() && used.values().stream().allMatch(units -> units == 0);
  }
}
