package dev.switchboard.gateway;

import dev.switchboard.channels.webchat.Conversations;
import dev.switchboard.gateway.agent.AgentHub;
import dev.switchboard.gateway.agent.AgentRoster;
import dev.switchboard.gateway.agent.DeskServices;
import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.routing.agent.AgentDirectory;
import dev.switchboard.routing.agent.RedisAgentDirectory;
import dev.switchboard.gateway.redis.RedisConnection;
import dev.switchboard.gateway.web.RoutingGauges;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.outcome.TimelineOutcomes;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.store.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The routing part of a node, wired by {@link Node}: the router (ended contacts go to the customers'
 * timelines), the node's one routing event feed (on its own pub/sub connection; the chat and the phone
 * channel share it), the desktops' hub and the routing gauges.
 * {@link #start} blocks and must run off the event loops.
 */
record Routing(ConfiguredRouting configured, Router router, RoutingView view, EventFeed feed, AgentHub hub,
    RoutingGauges gauges) {

  private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);
  private static final Duration TIMELINE_RETRY = Duration.ofMillis(500);

  static Routing start(Vertx vertx, RedisConnection redis, RedisStore store, Clock clock, ConfiguredRouting routing,
      CustomerDirectory directory, CustomerJson json, Conversations conversations, DeskSettings desk,
      MeterRegistry registry) {
    Router router = new Router(vertx, store, clock, routing.rules(), routing.settings(),
        new TimelineOutcomes(vertx, directory, TIMELINE_RETRY));
    RoutingView view = new RoutingView(store, clock);
    EventFeed feed = new EventFeed(vertx, store.keys(), redis.openPubSub());
    AgentDirectory agents = new RedisAgentDirectory(store);
    Node.await(Future.all(routing.agents().values().stream().map(agents::save).toList()),
        "write the configured agents to Redis");
    AgentRoster roster = new AgentRoster(agents);
    AgentHub hub = new AgentHub(vertx, new DeskServices(router, view, routing.rules(), roster, directory, json,
        conversations, store, desk, clock));
    RoutingGauges gauges = new RoutingGauges(vertx, view, routing.rules().queues().stream().map(QueuePolicy::id).toList(),
        agents::ids, GAUGE_REFRESH);
    Node.await(router.start(), "start routing (write the routing rules to Redis)");
    Node.await(hub.start(feed), "subscribe to routing and chat events");
    gauges.start(registry);
    return new Routing(routing, router, view, feed, hub, gauges);
  }

  Future<Void> stop() {
    gauges.stop();
    return Future.join(router.stop(), feed.stop()).mapEmpty();
  }
}
