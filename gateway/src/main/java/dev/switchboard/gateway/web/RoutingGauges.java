package dev.switchboard.gateway.web;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.dispatch.QueueStats;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.queue.QueueId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus gauges of the center's routing, refreshed from Redis on a Vert.x timer (scrapes never wait
 * on Redis): per queue waiting contacts, longest wait, service level, ASA and AHT; agents per state.
 * Values are read from any thread; refreshes run on the timer's event loop.
 */
public final class RoutingGauges {

  private static final Logger log = LoggerFactory.getLogger(RoutingGauges.class);

  private final Vertx vertx;
  private final RoutingView view;
  private final List<QueueId> queues;
  private final Supplier<Future<List<AgentId>>> agents;
  private final Duration interval;
  private final Map<QueueId, QueueStats> latest = new ConcurrentHashMap<>();
  private final Map<AgentState, Integer> states = new ConcurrentHashMap<>();
  private long timer = -1;

  /** {@code agents} lists the agents to count at each refresh (the configured ones and those added through the API). */
  public RoutingGauges(Vertx vertx, RoutingView view, List<QueueId> queues, Supplier<Future<List<AgentId>>> agents,
      Duration interval) {
    this.vertx = vertx;
    this.view = view;
    this.queues = List.copyOf(queues);
    this.agents = agents;
    this.interval = interval;
  }

  /** Registers the gauges and starts refreshing them. */
  public void start(MeterRegistry registry) {
    for (QueueId queue : queues) {
      queueGauge(registry, "switchboard.queue.waiting", "contacts waiting now", queue, QueueStats::waiting);
      queueGauge(registry, "switchboard.queue.longest.wait.seconds", "wait of the oldest waiting contact", queue,
          stats -> stats.longestWait().toMillis() / 1000.0);
      queueGauge(registry, "switchboard.queue.service.level.percent", "answered within target today", queue,
          QueueStats::serviceLevel);
      queueGauge(registry, "switchboard.queue.asa.seconds", "average speed of answer today", queue,
          stats -> stats.averageSpeedOfAnswer().toMillis() / 1000.0);
      queueGauge(registry, "switchboard.queue.aht.seconds", "average handle time today", queue,
          stats -> stats.averageHandleTime().toMillis() / 1000.0);
    }
    for (AgentState state : AgentState.values()) {
      Gauge.builder("switchboard.agents", states, map -> map.getOrDefault(state, 0))
          .description("agents by routing state").tag("state", state.name()).register(registry);
    }
    refresh();
    timer = vertx.setPeriodic(interval.toMillis(), id -> refresh());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Re-reads every number; completes when done (failures keep the previous values). */
  public Future<Void> refresh() {
    List<Future<QueueStats>> stats = queues.stream().map(view::queueStats).toList();
    Future<Map<AgentState, Integer>> counted = agents.get().compose(view::stateCounts);
    List<Future<?>> all = new ArrayList<>(stats);
    all.add(counted);
    return Future.join(all).onComplete(done -> {
      stats.stream().filter(Future::succeeded).forEach(future -> latest.put(future.result().queue(), future.result()));
      if (counted.succeeded()) {
        for (AgentState state : AgentState.values()) {
          states.put(state, counted.result().getOrDefault(state, 0));
        }
      }
      if (done.failed()) {
        stale(done.cause());
      }
    }).<Void>mapEmpty().recover(failure -> Future.succeededFuture());
  }

  private void stale(Throwable cause) {
    log.warn("routing gauges partly stale, refreshed again in {} s: {}", interval.toSeconds(), cause.toString());
  }

  private void queueGauge(MeterRegistry registry, String name, String description, QueueId queue,
      ToDoubleFunction<QueueStats> value) {
    Gauge.builder(name, latest, map -> map.containsKey(queue) ? value.applyAsDouble(map.get(queue)) : 0)
        .description(description).tag("queue", queue.value()).register(registry);
  }
}
