package dev.switchboard.routing.internal;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.queue.EscalationAction;
import dev.switchboard.routing.queue.EscalationStep;
import dev.switchboard.routing.queue.QueuePolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the center's rules in the shape the routing script reads them (one hash per queue). */
public final class ScriptConfiguration {

  private ScriptConfiguration() {}

  /** Timings the script needs, in milliseconds (retention in seconds). */
  public record Timings(Duration offerTimeout, Duration preferredWait, Duration transferWait, int backlog,
      Duration retention) {}

  public static String json(List<QueuePolicy> queues, ChannelCosts costs, Timings timings, PoolPlan plan) {
    JsonObject cfg = new JsonObject(settingsMap(costs, timings))
        .put("pools", String.join(",", plan.pools()))
        .put("queues", queues.stream().map(queue -> queue.id().value()).collect(Collectors.joining(",")));
    JsonObject queueConfigs = new JsonObject();
    queues.forEach(queue -> queueConfigs.put(queue.id().value(), queue(queue, plan)));
    JsonObject poolQueues = new JsonObject();
    plan.queuesByPool().forEach((pool, users) -> poolQueues.put(pool, new JsonArray(List.copyOf(users))));
    return new JsonObject().put("cfg", cfg).put("queues", queueConfigs).put("poolQueues", poolQueues).encode();
  }

  /** The costs and timings as {@code key=value,...}, passed with each call so the script need not read them. */
  public static String settings(ChannelCosts costs, Timings timings) {
    return settingsMap(costs, timings).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(","));
  }

  private static java.util.Map<String, Object> settingsMap(ChannelCosts costs, Timings timings) {
    java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put("offerMs", timings.offerTimeout().toMillis());
    settings.put("prefWaitMs", timings.preferredWait().toMillis());
    settings.put("transferMs", timings.transferWait().toMillis());
    settings.put("backlog", timings.backlog());
    settings.put("retentionSec", Math.max(1, timings.retention().toSeconds()));
    for (Channel channel : Channel.values()) {
      settings.put("cost:" + channel.name(), costs.cost(channel));
    }
    return settings;
  }

  private static JsonObject queue(QueuePolicy queue, PoolPlan plan) {
    List<List<String>> levels = plan.levels(queue.id().value());
    JsonObject fields = new JsonObject()
        .put("n", queue.escalations().size())
        .put("ch", queue.channels().stream().map(Channel::name).sorted().collect(Collectors.joining(",")))
        .put("sl", queue.serviceLevel().toMillis())
        .put("wrap", queue.wrapUp().toMillis())
        .put("disp", queue.dispositions().isEmpty() ? "" : "," + String.join(",", queue.dispositions()) + ",")
        .put("p0", String.join(",", levels.get(0)));
    queue.maxWait().ifPresent(max -> fields.put("mw", max.after().toMillis()).put("mwf", max.fallback()));
    for (int level = 1; level <= queue.escalations().size(); level++) {
      EscalationStep step = queue.escalations().get(level - 1);
      fields.put("a" + level, step.after().toMillis()).put("p" + level, String.join(",", levels.get(level)));
      if (step.action() instanceof EscalationAction.RaisePriority raise) {
        fields.put("r" + level, raise.by());
      }
      if (step.action() instanceof EscalationAction.Fallback fallback) {
        fields.put("f" + level, fallback.action());
      }
    }
    return fields;
  }
}
