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
    JsonObject cfg = new JsonObject()
        .put("offerMs", timings.offerTimeout().toMillis())
        .put("prefWaitMs", timings.preferredWait().toMillis())
        .put("transferMs", timings.transferWait().toMillis())
        .put("backlog", timings.backlog())
        .put("retentionSec", Math.max(1, timings.retention().toSeconds()))
        .put("pools", String.join(",", plan.pools()))
        .put("queues", queues.stream().map(queue -> queue.id().value()).collect(Collectors.joining(",")));
    for (Channel channel : Channel.values()) {
      cfg.put("cost:" + channel.name(), costs.cost(channel));
    }
    JsonObject queueConfigs = new JsonObject();
    queues.forEach(queue -> queueConfigs.put(queue.id().value(), queue(queue, plan)));
    JsonObject poolQueues = new JsonObject();
    plan.queuesByPool().forEach((pool, users) -> poolQueues.put(pool, new JsonArray(List.copyOf(users))));
    return new JsonObject().put("cfg", cfg).put("queues", queueConfigs).put("poolQueues", poolQueues).encode();
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
