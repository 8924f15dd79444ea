package dev.switchboard.channels.phone.calls;

import dev.switchboard.channels.phone.AmiLink;
import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.HangupCause;
import dev.switchboard.channels.phone.LiveChannel;
import dev.switchboard.channels.phone.PhoneEvent;
import dev.switchboard.channels.phone.PhoneEventListener;
import dev.switchboard.channels.phone.calls.CallRecord.Ring;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.dispatch.Offer;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.dispatch.RoutingView;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls this node took through FastAGI, driven as routed contacts. Feed it the AMI link's events
 * ({@link #onEvent}) and the center's routing events ({@link #onRouting}); it rings the offered
 * agent's phone, accepts the offer when the phone answers, rejects it when it does not, and ends the
 * contact when the call ends. A periodic reconcile against the PBX's live channels makes sure no
 * contact stays open for a call whose end was never seen. Call control for the desktop is
 * {@link #control()}.
 *
 * <p>Wiring (composition root): the AMI link's listener feeds both the {@link
 * dev.switchboard.channels.phone.CallerHangupRelay} and this; the center's
 * {@link dev.switchboard.routing.dispatch.EventFeed} feeds {@link #onRouting}; the
 * {@link dev.switchboard.channels.phone.FastAgiEntry} gets a {@link RoutedCallIntake} built on this.
 * <pre>{@code
 * AmiLink ami = new AmiLink(vertx, amiSettings, event -> { relay.onEvent(event); calls.onEvent(event); });
 * PhoneCalls calls = new PhoneCalls(vertx, context, ami, router, view, devices, notes, settings, clock);
 * RoutedCallIntake intake = new RoutedCallIntake(directory, router, calls, agiSettings.intakeTimeout(), clock);
 * CallerHangupRelay relay = new CallerHangupRelay(context, intake);
 * FastAgiEntry entry = new FastAgiEntry(vertx, agiSettings, intake, normalizer, relay);
 * feed.start(calls::onRouting);
 * }</pre>
 *
 * <p>Threading: all state lives on {@code context}; every public method may be called from any thread
 * and hops onto it. Nothing blocks.
 */
public final class PhoneCalls implements PhoneEventListener {

  private static final Logger log = LoggerFactory.getLogger(PhoneCalls.class);

  private final Vertx vertx;
  private final Context context;
  private final AmiLink ami;
  private final PhoneCallSettings settings;
  private final Clock clock;
  private final CallBook book = new CallBook();
  private final CallFlow flow;
  private final CallControl control;
  private final Map<Class<?>, Consumer<PhoneEvent>> handlers = new HashMap<>();
  private long reconcileTimer = -1;
  private long statusTimer = -1;
  private boolean linkWasReady;

  /**
   * @param devices the phone device of an agent (e.g. {@code PJSIP/1001}), empty when it has none
   * @param notes where calls that have no contact of their own (click-to-dial) are recorded
   */
  public PhoneCalls(Vertx vertx, Context context, AmiLink ami, Router router, RoutingView view,
      Function<AgentId, Optional<String>> devices, CallNotes notes, PhoneCallSettings settings, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.context = Objects.requireNonNull(context, "context");
    this.ami = Objects.requireNonNull(ami, "ami");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.flow = new CallFlow(vertx, ami, Objects.requireNonNull(router, "router"), Objects.requireNonNull(view, "view"),
        Objects.requireNonNull(devices, "devices"), settings, book, clock);
    this.control = new CallControl(this, router, ami, devices, settings, book, flow, notes);
    on(PhoneEvent.DialStarted.class, event -> book.caller(event.call().uniqueId())
        .ifPresent(call -> flow.dialStarted(call, event)));
    on(PhoneEvent.DialEnded.class, event -> book.caller(event.call().uniqueId())
        .ifPresent(call -> flow.dialEnded(call, event)));
    on(PhoneEvent.CallBridged.class, event -> book.caller(event.call().uniqueId()).ifPresent(flow::bridged));
    on(PhoneEvent.CallHungUp.class, this::hungUp);
    on(PhoneEvent.CallStarted.class, this::started);
    on(PhoneEvent.CallAnswered.class, event -> book.leg(event.call().uniqueId())
        .ifPresent(call -> flow.legAnswered(call, event.call())));
  }

  private <T extends PhoneEvent> void on(Class<T> type, Consumer<T> handler) {
    handlers.put(type, event -> handler.accept(type.cast(event)));
  }

  /** Starts the periodic reconcile and the watch for AMI reconnects. */
  public Future<Void> start() {
    return onContext(() -> {
      reconcileTimer = vertx.setPeriodic(settings.reconcileInterval().toMillis(), id -> reconcileQuietly());
      statusTimer = vertx.setPeriodic(1000, id -> watchLink());
      return Future.succeededFuture();
    });
  }

  public Future<Void> stop() {
    return onContext(() -> {
      vertx.cancelTimer(reconcileTimer);
      vertx.cancelTimer(statusTimer);
      return Future.succeededFuture();
    });
  }

  /** The desktop's call control over the calls of this node. */
  public CallControl control() {
    return control;
  }

  /** Whether this node holds the call of {@code contact} (a node with several PBXs asks each). */
  public Future<Boolean> holds(ContactId contact) {
    return onContext(() -> Future.succeededFuture(book.contact(contact).isPresent()));
  }

  /** How many calls this node holds now. */
  public Future<Integer> callCount() {
    return onContext(() -> Future.succeededFuture(book.size()));
  }

  @Override
  public void onEvent(PhoneEvent event) {
    Consumer<PhoneEvent> handler = handlers.get(event.getClass());
    if (handler != null) {
      run(() -> handler.accept(event));
    }
  }

  /** Handles a routing event of the center (from {@link dev.switchboard.routing.dispatch.EventFeed}). */
  public void onRouting(RoutingEvent event) {
    if (event instanceof RoutingEvent.ContactChanged changed && changed.channel() == Channel.VOICE) {
      run(() -> book.contact(changed.contact()).ifPresent(call -> contactChanged(call, changed)));
    }
  }

  private void contactChanged(CallRecord call, RoutingEvent.ContactChanged changed) {
    switch (changed.state()) {
      case OFFERED -> changed.agent().ifPresent(agent -> flow.offered(call,
          new Ring(agent, changed.deadline().orElse(clock.instant()))));
      case QUEUED -> flow.requeued(call, changed.from(), changed.agent());
      case WRAP_UP, ENDED -> flow.contactEnded(call, changed.state());
      case ACTIVE -> changed.agent().ifPresent(agent -> flow.deskAccepted(call, agent));
    }
  }

  /** The caller of {@code contact} hung up (from the hangup relay); idempotent. */
  public Future<Void> callerHungUp(ContactId contact, HangupCause cause) {
    return onContext(() -> {
      Optional<CallRecord> call = book.contact(contact);
      if (call.isPresent()) {
        flow.callerGone(call.get(), cause.text());
        return Future.succeededFuture();
      }
      return Future.succeededFuture();
    });
  }

  /** Checks every held call against the PBX's live channels; calls whose channel is gone end their contact. */
  public Future<Integer> reconcile() {
    Instant asked = clock.instant();
    return ami.liveChannels().compose(live -> onContext(() -> {
      Set<String> alive = live.stream().map(LiveChannel::call).map(CallRef::uniqueId).collect(Collectors.toSet());
      int gone = 0;
      for (CallRecord call : book.all()) {
        if (call.arrivedAt.isBefore(asked.minusSeconds(2)) && !alive.contains(call.caller.uniqueId())) {
          flow.callerGone(call, HangupCause.ENDED_WHILE_DISCONNECTED.text());
          gone++;
        }
      }
      return Future.succeededFuture(gone);
    }));
  }

  Future<Void> admitting(ContactId contact, CallRef caller, Instant arrivedAt) {
    return onContext(() -> {
      book.add(new CallRecord(contact, caller, arrivedAt));
      return Future.succeededFuture();
    });
  }

  void admitted(ContactId contact, Optional<Offer> offer) {
    run(() -> book.contact(contact).ifPresent(call -> {
      offer.ifPresent(found -> flow.offered(call, new Ring(found.agent(), found.deadline())));
      flow.admitted(call);
    }));
  }

  void refused(ContactId contact) {
    run(() -> book.contact(contact).ifPresent(book::remove));
  }

  /** A new channel: an Originate's leg, or (found by a resync) the leg of a call rung while the link was down. */
  private void started(PhoneEvent.CallStarted event) {
    if (book.claimOriginated(event.call())) {
      return;
    }
    if (event.origin() == PhoneEvent.Origin.RESYNC && !event.linkedId().equals(event.call().uniqueId())) {
      book.caller(event.linkedId()).ifPresent(call -> flow.legFoundByResync(call, event.call(), event.answered()));
    }
  }

  private void hungUp(PhoneEvent.CallHungUp event) {
    Optional<CallRecord> caller = book.caller(event.call().uniqueId());
    if (caller.isPresent()) {
      flow.callerGone(caller.get(), event.cause().text());
      return;
    }
    book.leg(event.call().uniqueId()).ifPresent(call -> flow.agentLegGone(call, event.call()));
  }

  private void watchLink() {
    boolean ready = ami.status().isReady();
    if (ready && !linkWasReady && book.size() > 0) {
      log.info("AMI link ready again; checking {} held calls against the PBX", book.size());
      vertx.setTimer(2000, id -> reconcileQuietly());
    }
    linkWasReady = ready;
  }

  private void reconcileQuietly() {
    if (book.size() == 0 || !ami.status().isReady()) {
      return;
    }
    reconcile().onSuccess(gone -> {
      if (gone > 0) {
        log.warn("{} calls had ended without this node seeing it; their contacts were ended", gone);
      }
    }).onFailure(failure -> log.warn("reconcile of held calls failed, retried later: {}", failure.getMessage()));
  }

  void run(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(ignored -> action.run());
    }
  }

  <T> Future<T> onContext(Supplier<Future<T>> action) {
    if (Vertx.currentContext() == context) {
      return guarded(action);
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> guarded(action).onComplete(promise));
    return promise.future();
  }

  private static <T> Future<T> guarded(Supplier<Future<T>> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
