package dev.switchboard.bench.demo;

import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.channels.phone.sim.SimCall;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.demo.DemoCustomers;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's callers: every interval a demo customer (now and then an unknown number, or a line two
 * customers share) calls the support or billing queue, unless enough callers wait already. When the
 * desktop accepts a call, the agent's ringing phone answers; a caller talking for a long time hangs up.
 * Runs on its own thread, which may block on the simulator and on Redis.
 */
final class DemoCalls {

  private static final Logger log = LoggerFactory.getLogger(DemoCalls.class);
  private static final int MAX_LIVE = 3;
  private static final Duration LONGEST_TALK = Duration.ofMinutes(3);
  private static final Duration WATCH = Duration.ofMillis(300);

  /** One simulated caller and what the demo did with it. */
  private static final class Caller {
    final SimCall call;
    Optional<ContactId> contact = Optional.empty();
    Optional<Instant> answeredAt = Optional.empty();

    Caller(SimCall call) {
      this.call = call;
    }
  }

  private final PbxSimulator pbx;
  private final Node node;
  private final Duration interval;
  private final DemoCustomers customers = new DemoCustomers(20_26L);
  private final Random random = new Random();
  private final List<Caller> callers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread named = new Thread(runnable, "demo-calls");
    named.setDaemon(true);
    return named;
  });

  DemoCalls(PbxSimulator pbx, Node node, Duration interval) {
    this.pbx = pbx;
    this.node = node;
    this.interval = interval;
  }

  void start() {
    thread.scheduleWithFixedDelay(() -> guarded("place a call", this::place), Math.min(5_000, interval.toMillis()),
        interval.toMillis(), TimeUnit.MILLISECONDS);
    thread.scheduleWithFixedDelay(() -> guarded("watch the calls", this::watch), WATCH.toMillis(), WATCH.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** How many callers are bridged to an agent's phone now. */
  int connected() {
    return (int) callers.stream().filter(caller -> caller.call.agentChannel().isPresent() && caller.call.isLive())
        .count();
  }

  void stop() {
    thread.shutdownNow();
  }

  private void place() {
    if (!phoneReady()) {
      return;
    }
    long waiting = callers.stream().filter(caller -> caller.answeredAt.isEmpty()).count();
    if (waiting >= MAX_LIVE) {
      return;
    }
    String number = callerId();
    String queue = random.nextInt(4) == 0 ? "billing" : "support";
    SimCall call = pbx.incomingCall(number, "route?queue=" + queue);
    callers.add(new Caller(call));
    log.info("[channel={}] simulated call from {} to queue {}", call.channel(), number, queue);
  }

  /** Whether every PBX link of the node is up: a call placed before would find no AMI to ring the agent with. */
  private boolean phoneReady() {
    return node.phone().map(channel -> channel.readiness().stream().allMatch(check -> {
      try {
        check.check().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
        return true;
      } catch (Exception notReady) {
        return false;
      }
    })).orElse(false);
  }

  /** A demo customer's number as a trunk sends it (digits only); sometimes a shared line or a stranger. */
  private String callerId() {
    int roll = random.nextInt(10);
    String typed = roll == 0 ? "02-555-01" + (10 + random.nextInt(90))
        : roll == 1 ? customers.phoneOf(24)
        : customers.phoneOf(random.nextInt(500));
    return typed.replaceAll("[^+0-9]", "");
  }

  private void watch() {
    for (Caller caller : callers) {
      if (!caller.call.isLive()) {
        callers.remove(caller);
        continue;
      }
      if (caller.contact.isEmpty()) {
        caller.contact = caller.call.variable("SWITCHBOARD_CONTACT").map(ContactId::new);
      }
      if (caller.contact.isPresent() && accepted(caller.contact.get())) {
        caller.call.answerRinging(); // rings again after a hold or a transfer: answered at once
        if (caller.answeredAt.isEmpty()) {
          caller.answeredAt = Optional.of(Instant.now());
        }
      }
      if (caller.answeredAt.filter(at -> at.plus(LONGEST_TALK).isBefore(Instant.now())).isPresent()) {
        log.info("[channel={}] simulated caller hangs up after {}", caller.call.channel(), LONGEST_TALK);
        caller.call.abandon();
      }
    }
  }

  private boolean accepted(ContactId contact) {
    Optional<ContactSnapshot> snapshot = await(node.routingView().contact(contact));
    return snapshot.map(found -> found.state() == ContactState.ACTIVE).orElse(false);
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void guarded(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn("demo calls could not {}: {}; trying again shortly", what, e.getMessage());
    }
  }
}
