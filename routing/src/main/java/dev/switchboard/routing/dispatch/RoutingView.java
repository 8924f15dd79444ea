package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.internal.RoutingScript;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read-only questions about a center's routing state: contacts, their history, agents, waiting lists,
 * per-agent event backlogs and statistics. Thread-safe; futures complete on the caller's context.
 */
public final class RoutingView {

  private static final int STATE_BATCH = 1000;
  private static final LuaScript AGENT_STATES =
      LuaScript.load("/dev/switchboard/routing/agent-states.lua", ScriptOutputType.MULTI);

  private final RedisStore store;
  private final Clock clock;
  private final RoutingScript script;

  public RoutingView(RedisStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.script = new RoutingScript(store);
  }

  public Future<Optional<ContactSnapshot>> contact(ContactId id) {
    return store.run(redis -> redis.hgetall(store.keys().key("c", id.value()))).map(hash -> hash.isEmpty()
        ? Optional.empty()
        : Optional.of(new ContactSnapshot(id, ContactState.valueOf(hash.get("state")), Channel.valueOf(hash.get("ch")),
            new QueueId(hash.get("q")), optional(hash, "agent").map(AgentId::new),
            optional(hash, "cust").map(CustomerId::new), (int) number(hash, "prio"),
            Instant.ofEpochMilli(number(hash, "entry")), (int) number(hash, "level"))));
  }

  /** Every transition of the contact, oldest first, as persisted in Redis. */
  public Future<List<ContactTransition>> history(ContactId id) {
    return store.run(redis -> redis.lrange(store.keys().key("c", id.value(), "log"), 0, -1))
        .map(entries -> entries.stream().map(JsonObject::new).map(json -> new ContactTransition(
            Instant.ofEpochMilli(json.getLong("at")),
            "NEW".equals(json.getString("from")) ? Optional.empty() : Optional.of(ContactState.valueOf(json.getString("from"))),
            ContactState.valueOf(json.getString("to")),
            Optional.ofNullable(json.getString("agent")).filter(a -> !a.isEmpty()).map(AgentId::new),
            json.getString("why", ""))).toList());
  }

  public Future<Optional<AgentSnapshot>> agent(AgentId id) {
    Future<Map<String, String>> hash = store.run(redis -> redis.hgetall(store.keys().key("a", id.value())));
    Future<java.util.Set<String>> held = store.run(redis -> redis.smembers(store.keys().key("a", id.value(), "c")));
    return Future.all(hash, held).map(both -> hash.result().isEmpty() || !hash.result().containsKey("state")
        ? Optional.empty()
        : Optional.of(new AgentSnapshot(id, presence(hash.result()), Instant.ofEpochMilli(number(hash.result(), "since")),
            (int) number(hash.result(), "cap"), (int) number(hash.result(), "used"),
            held.result().stream().map(ContactId::new).collect(Collectors.toSet()),
            optional(hash.result(), "session"))));
  }

  /**
   * How many of {@code agents} are in each routing state (an agent who never logged in counts as OFFLINE), read in
   * one round trip per {@value #STATE_BATCH} agents.
   */
  public Future<Map<AgentState, Integer>> stateCounts(List<AgentId> agents) {
    List<Future<List<Object>>> batches = new ArrayList<>();
    for (int from = 0; from < agents.size(); from += STATE_BATCH) {
      String[] keys = agents.subList(from, Math.min(agents.size(), from + STATE_BATCH)).stream()
          .map(agent -> store.keys().key("a", agent.value())).toArray(String[]::new);
      batches.add(store.run(redis -> AGENT_STATES.eval(redis, keys)));
    }
    return Future.all(batches).map(done -> {
      Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
      for (Future<List<Object>> batch : batches) {
        for (Object state : batch.result()) {
          AgentState known = state == null || state.toString().isEmpty() ? AgentState.OFFLINE
              : AgentState.valueOf(state.toString());
          counts.merge(known, 1, Integer::sum);
        }
      }
      return counts;
    });
  }

  /** The display name the agent logged in with, empty for an agent who never logged in. */
  public Future<Optional<String>> agentName(AgentId id) {
    return store.run(redis -> redis.hget(store.keys().key("a", id.value()), "name")).map(Optional::ofNullable);
  }

  /** The queue's waiting contacts in the order they will be served. */
  public Future<List<ContactId>> waiting(QueueId queue) {
    List<Future<List<ScoredValue<String>>>> lists = java.util.Arrays.stream(Channel.values())
        .map(channel -> store.run(redis -> redis.zrangeWithScores(
            store.keys().key("w", queue.value(), channel.name()), 0, -1)))
        .toList();
    return Future.all(lists).map(all -> lists.stream().flatMap(list -> list.result().stream())
        .sorted(java.util.Comparator.comparingDouble(ScoredValue::getScore))
        .map(value -> new ContactId(value.getValue())).toList());
  }

  /** The agent's events after {@code seq}, from the bounded backlog, for a reconnecting client. */
  public Future<EventBacklog> eventsAfter(AgentId agent, long seq) {
    return script.call("backlog", clock.millis(), agent.value(), Long.toString(seq), "100000")
        .recover(ReplyDecoding::typedFailure)
        .map(reply -> {
          Object raw = reply.getValue("events");
          List<RoutingEvent> events = raw instanceof JsonArray array
              ? array.stream().map(String.class::cast).map(EventDecoding::decode).toList() : List.of();
          return new EventBacklog(events, reply.getBoolean("complete", true), reply.getLong("last", 0L));
        });
  }

  /**
   * Whether a new contact of {@code channel} in {@code queue} has someone to wait for: an agent who takes the
   * channel and could be offered the contact at some escalation step of the queue is logged in (READY or
   * NOT_READY). Answered from per-pool presence sets kept up at login and logout, so its cost grows with the
   * queue's escalation steps, not with the number of agents. Fails with {@link UnknownQueueException}.
   */
  public Future<Boolean> staffed(QueueId queue, Channel channel) {
    return script.call("staffed", clock.millis(), queue.value(), channel.name())
        .recover(ReplyDecoding::typedFailure)
        .map(reply -> reply.getBoolean("staffed", false));
  }

  public Future<QueueStats> queueStats(QueueId queue) {
    String day = Long.toString(clock.millis() / 86_400_000L);
    Future<Long> waiting = store.run(redis -> redis.zcard(store.keys().key("we", queue.value())));
    Future<List<ScoredValue<String>>> oldest =
        store.run(redis -> redis.zrangeWithScores(store.keys().key("we", queue.value()), 0, 0));
    Future<Map<String, String>> today = store.run(redis -> redis.hgetall(store.keys().key("s", queue.value(), day)));
    return Future.all(waiting, oldest, today).map(all -> {
      Map<String, String> stats = today.result();
      long answered = number(stats, "answered");
      Duration longest = oldest.result().isEmpty() ? Duration.ZERO
          : Duration.ofMillis(Math.max(0, clock.millis() - (long) oldest.result().get(0).getScore()));
      return new QueueStats(queue, waiting.result().intValue(), longest, number(stats, "offered"), answered,
          number(stats, "abandoned"), answered == 0 ? 100.0 : 100.0 * number(stats, "inSl") / answered,
          Duration.ofMillis(answered == 0 ? 0 : number(stats, "waitMs") / answered),
          Duration.ofMillis(number(stats, "handled") == 0 ? 0 : number(stats, "handleMs") / number(stats, "handled")));
    });
  }

  public Future<AgentStats> agentStats(AgentId agent) {
    String day = Long.toString(clock.millis() / 86_400_000L);
    Future<Map<String, String>> now = store.run(redis -> redis.hgetall(store.keys().key("a", agent.value())));
    Future<Map<String, String>> today = store.run(redis -> redis.hgetall(store.keys().key("as", agent.value(), day)));
    return Future.all(now, today).compose(all -> {
      if (!now.result().containsKey("state")) {
        return Future.failedFuture(new UnknownAgentException("agent " + agent + " has never logged in"));
      }
      Presence presence = presence(now.result());
      long inState = Math.max(0, clock.millis() - number(now.result(), "since"));
      long logged = number(today.result(), "t:READY") + number(today.result(), "t:NOT_READY")
          + (presence.state() == AgentState.OFFLINE ? 0 : inState);
      double occupancy = logged == 0 ? 0 : Math.min(100.0, 100.0 * number(today.result(), "busyMs") / logged);
      return Future.succeededFuture(new AgentStats(agent, presence, Duration.ofMillis(inState),
          number(today.result(), "handled"), occupancy));
    });
  }

  private static Presence presence(Map<String, String> hash) {
    AgentState state = AgentState.valueOf(hash.get("state"));
    return state == AgentState.NOT_READY ? Presence.notReady(hash.get("reason")) : new Presence(state, Optional.empty());
  }

  private static long number(Map<String, String> hash, String field) {
    String value = hash.get(field);
    return value == null || value.isEmpty() ? 0L : (long) Double.parseDouble(value);
  }

  private static Optional<String> optional(Map<String, String> hash, String field) {
    String value = hash.get(field);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
