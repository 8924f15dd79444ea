package dev.switchboard.gateway.agent;

import dev.switchboard.channels.webchat.Conversations;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.store.RedisStore;
import java.time.Clock;
import java.util.Objects;

/** What desktop connections work with; shared by every connection of a node, all thread-safe. */
public record DeskServices(Router router, RoutingView view, RoutingRules rules, AgentRoster roster,
    CustomerDirectory directory, CustomerJson json, Conversations conversations, RedisStore store,
    DeskSettings settings, Clock clock) {

  public DeskServices {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
  }
}
