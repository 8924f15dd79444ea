package dev.switchboard.routing.dispatch;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.AgentSession;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactOutcomes;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.internal.PoolPlan;
import dev.switchboard.routing.internal.RoutingScript;
import dev.switchboard.routing.internal.ScriptConfiguration;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.store.RedisStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing engine of one center: contacts come in, agents come and go, and every decision that
 * claims an agent or a contact is one atomic script run in Redis, so any number of routers (on any
 * number of nodes) may share a center. Matching runs inside the operation that makes it possible
 * (a new contact, an agent ready, capacity freed); a sweep handles deadlines: offer timeouts,
 * preferred-agent waits, escalations, wrap-up ends.
 *
 * <p>Thread-safe; every method is non-blocking and completes on the caller's Vert.x context. Refusals
 * fail with a {@link RoutingException} subtype and change nothing; an unreachable Redis fails with
 * {@link dev.switchboard.routing.store.StoreUnavailableException}.
 */
public final class Router {

  private static final Logger log = LoggerFactory.getLogger(Router.class);
  private static final int SWEEP_BATCH = 200;

  private final Vertx vertx;
  private final RedisStore store;
  private final Clock clock;
  private final RoutingRules rules;
  private final RoutingSettings settings;
  private final ContactOutcomes outcomes;
  private final RoutingScript script;
  private final PoolPlan plan;
  private final SweepSchedule schedule;
  private long periodic = -1;

  public Router(Vertx vertx, RedisStore store, Clock clock, RoutingRules rules, RoutingSettings settings,
      ContactOutcomes outcomes) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    this.plan = PoolPlan.of(rules.queues());
    this.script = new RoutingScript(store, ScriptConfiguration.settings(rules.costs(), timings(settings)));
    this.schedule = new SweepSchedule(vertx, clock, this::sweepQuietly);
  }

  /** Writes the rules to Redis (the same on every node) and starts the periodic safety-net sweep. */
  public Future<Void> start() {
    String config = ScriptConfiguration.json(rules.queues(), rules.costs(), timings(settings), plan);
    return script.call("configure", clock.millis(), config).<Void>mapEmpty().onSuccess(done -> {
      synchronized (this) {
        periodic = vertx.setPeriodic(settings.sweepInterval().toMillis(), id -> sweepQuietly());
      }
      log.info("[center={}] router started with {} queues", store.keys().center(), rules.queues().size());
    });
  }

  private static ScriptConfiguration.Timings timings(RoutingSettings settings) {
    return new ScriptConfiguration.Timings(settings.offerTimeout(), settings.preferredAgentWait(),
        settings.transferWait(), settings.backlogSize(), settings.retention());
  }

  /** Stops the sweeps of this router; routing state stays in Redis for the other nodes. */
  public synchronized Future<Void> stop() {
    if (periodic >= 0) {
      vertx.cancelTimer(periodic);
    }
    schedule.stop();
    return Future.succeededFuture();
  }

  /**
   * Queues a contact and, in the same step, offers it if an agent is free. Out of business hours nothing
   * is stored and the result is {@link EnqueueResult.Closed}; an unknown queue fails with
   * {@link UnknownQueueException}.
   */
  public Future<EnqueueResult> enqueue(ContactRequest request) {
    QueuePolicy queue;
    try {
      queue = rules.queue(request.queue());
    } catch (UnknownQueueException e) {
      return Future.failedFuture(e);
    }
    if (!queue.channels().contains(request.channel())) {
      return Future.failedFuture(new UnsupportedChannelException("queue " + queue.id() + " does not take "
          + request.channel() + " contacts: it takes " + new java.util.TreeSet<>(queue.channels())
          + "; route contact " + request.id() + " to another queue"));
    }
    if (queue.hours().isPresent() && !queue.hours().get().isOpen(clock.instant())) {
      return Future.succeededFuture(new EnqueueResult.Closed(request.id(), queue.id(), queue.hours().get().fallback()));
    }
    int priority = queue.priorityOf(request.attributes(), request.priorityBoost());
    // no original entry: the script takes the center's clock, which never runs backwards
    String entry = request.originalEntry().map(at -> Long.toString(at.toEpochMilli())).orElse("");
    JsonObject attributes = new JsonObject();
    request.attributes().forEach(attributes::put);
    return run("enqueue", request.id().value(), queue.id().value(), request.channel().name(),
        request.customer().map(CustomerId::value).orElse(""), Integer.toString(priority), entry,
        request.preferredAgent().map(AgentId::value).orElse(""), attributes.encode())
        .map(reply -> new EnqueueResult.Queued(request.id(), ReplyDecoding.offers(reply).stream()
            .filter(offer -> offer.contact().equals(request.id())).findFirst()));
  }

  /** Logs an agent in (NOT_READY with reason {@code login}); a newer login replaces an older session. */
  public Future<AgentSession> login(AgentProfile agent) {
    try {
      rules.checkAgent(agent);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    String session = UUID.randomUUID().toString();
    return run("login", operands(agent, session))
        .map(reply -> new AgentSession(agent.id(), session, ReplyDecoding.text(reply, "replaced")));
  }

  /**
   * Applies a changed profile (name, skills, capacity, channels, caps) to the agent at once if it is logged in,
   * keeping its session, presence and contacts; true when applied, false when the agent is not logged in (its
   * next login reads the profile anyway). Contacts it holds keep their capacity until they end.
   */
  public Future<Boolean> refresh(AgentProfile agent) {
    try {
      rules.checkAgent(agent);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return run("profile", operands(agent, "")).map(reply -> reply.getBoolean("applied", false));
  }

  private String[] operands(AgentProfile agent, String session) {
    String maxes = agent.maxPerChannel().entrySet().stream()
        .map(entry -> entry.getKey().name() + "=" + entry.getValue()).collect(Collectors.joining(","));
    String channels = agent.channels().stream().map(Channel::name).sorted().collect(Collectors.joining(","));
    String indexed = plan.indexedPools(agent.skills(), agent.channels()).entrySet().stream()
        .map(entry -> entry.getKey().name() + "=" + String.join(",", entry.getValue())).collect(Collectors.joining("|"));
    return new String[] {agent.id().value(), session, agent.displayName(), Integer.toString(agent.capacity()),
        channels, String.join(",", plan.poolsFor(agent.skills())), maxes, indexed,
        String.join(",", plan.waitingLists(agent.skills(), agent.channels()))};
  }

  /** Changes presence; READY triggers matching, OFFLINE withdraws open offers (back to their queues). */
  public Future<Void> setPresence(AgentId agent, Presence presence) {
    if (presence.reason().isPresent()) {
      try {
        rules.checkReason(presence.reason().get());
      } catch (InvalidCodeException e) {
        return Future.failedFuture(e);
      }
    }
    return run("presence", agent.value(), presence.state().name(), presence.reason().orElse("")).mapEmpty();
  }

  public Future<Void> logout(AgentId agent) {
    return setPresence(agent, new Presence(AgentState.OFFLINE, Optional.empty()));
  }

  /** Takes an offer; fails with {@link OfferExpiredException} when it is no longer open to this agent. */
  public Future<Void> accept(ContactId contact, AgentId agent) {
    return run("accept", contact.value(), agent.value()).mapEmpty();
  }

  /** Declines an offer: the contact goes back to its place and is not offered to this agent again. */
  public Future<Void> reject(ContactId contact, AgentId agent) {
    return run("reject", contact.value(), agent.value()).mapEmpty();
  }

  /**
   * The channel could not present an offer (e.g. the PBX link was down when the agent's phone had to ring): the
   * contact goes back to its place with no blame on the agent, who stays as it was and may be offered it again.
   */
  public Future<Void> withdraw(ContactId contact, AgentId agent) {
    return run("reject", contact.value(), agent.value(), "withdrawn").mapEmpty();
  }

  /**
   * The offered agent did not answer before the channel gave up (e.g. the agent's phone rang out): as on an
   * offer timeout, the contact goes back to its place and the agent to {@code NOT_READY(missed)}.
   */
  public Future<Void> miss(ContactId contact, AgentId agent) {
    return run("miss", contact.value(), agent.value()).mapEmpty();
  }

  /** The customer left while waiting or ringing: the contact ends ABANDONED with its wait. */
  public Future<EndedContact> abandon(ContactId contact) {
    return run("abandon", contact.value()).map(reply -> ReplyDecoding.ended(reply).get(0));
  }

  /** The channel could not carry the contact (e.g. a callback that never connected): it ends FAILED. */
  public Future<EndedContact> fail(ContactId contact, String notes) {
    return run("fail", contact.value(), notes).map(reply -> ReplyDecoding.ended(reply).get(0));
  }

  /**
   * Moves an active contact to another queue, keeping its original entry time (and so its place). A queue
   * that does not take the contact's channel refuses it with {@link UnsupportedChannelException}.
   */
  public Future<Void> transferToQueue(ContactId contact, AgentId from, QueueId queue) {
    try {
      rules.queue(queue);
    } catch (UnknownQueueException e) {
      return Future.failedFuture(e);
    }
    return run("transfer", contact.value(), from.value(), queue.value(), "").mapEmpty();
  }

  /** Requeues an active contact for one agent, who is awaited for the configured transfer wait. */
  public Future<Void> transferToAgent(ContactId contact, AgentId from, AgentId to) {
    return run("transfer", contact.value(), from.value(), "", to.value()).mapEmpty();
  }

  /**
   * Ends the conversation: the contact goes to WRAP_UP (capacity still held) for the queue's wrap-up
   * time, or straight to ENDED when the queue has none. Returns the new state.
   */
  public Future<ContactState> complete(ContactId contact, AgentId agent, Optional<String> disposition, String notes) {
    return run("complete", contact.value(), agent.value(), disposition.orElse(""), notes)
        .map(reply -> ReplyDecoding.ended(reply).isEmpty() ? ContactState.WRAP_UP : ContactState.ENDED);
  }

  /** Ends the wrap-up early with the agent's disposition and notes; frees the capacity. */
  public Future<EndedContact> finishWrapUp(ContactId contact, AgentId agent, Optional<String> disposition, String notes) {
    return run("finish", contact.value(), agent.value(), disposition.orElse(""), notes)
        .map(reply -> ReplyDecoding.ended(reply).get(0));
  }

  /**
   * Handles every deadline due by now (offer timeouts, preferred-agent waits, escalations, maximum waits,
   * wrap-ups) and business-hour changes; returns how many deadlines fired.
   */
  public Future<Integer> sweep() {
    return checkHours().compose(ignored -> sweepDue());
  }

  /** Records each queue's open/closed state; the first node to see a queue close asks for fallbacks. */
  private Future<Void> checkHours() {
    List<Future<JsonObject>> checks = rules.queues().stream().filter(queue -> queue.hours().isPresent())
        .map(queue -> run("hours", queue.id().value(),
            queue.hours().get().isOpen(clock.instant()) ? "open" : "closed", queue.hours().get().fallback()))
        .toList();
    return Future.all(checks).mapEmpty();
  }

  private Future<Integer> sweepDue() {
    return run("sweep", Integer.toString(SWEEP_BATCH)).compose(reply -> {
      int fired = reply.getInteger("fired", 0);
      Long next = reply.getLong("next");
      if (next != null) {
        schedule.dueBy(next);
      }
      return fired < SWEEP_BATCH ? Future.succeededFuture(fired) : sweepDue().map(more -> fired + more);
    });
  }

  private void sweepQuietly() {
    sweep().onFailure(failure -> log.warn("[center={}] routing sweep failed, retried on the next tick: {}",
        store.keys().center(), failure.toString()));
  }

  private Future<JsonObject> run(String operation, String... operands) {
    return script.call(operation, clock.millis(), operands)
        .recover(ReplyDecoding::typedFailure)
        .onSuccess(this::afterReply);
  }

  private void afterReply(JsonObject reply) {
    List<Offer> offers = ReplyDecoding.offers(reply);
    offers.stream().mapToLong(offer -> offer.deadline().toEpochMilli()).min().ifPresent(schedule::dueBy);
    for (EndedContact ended : ReplyDecoding.ended(reply)) {
      outcomes.ended(ended).onFailure(failure -> log.warn(
          "[contact={} queue={}] outcome not recorded in the customer timeline: {}",
          ended.id(), ended.queue(), failure.toString()));
    }
  }
}
