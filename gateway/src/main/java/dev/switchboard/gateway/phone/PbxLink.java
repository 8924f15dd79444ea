package dev.switchboard.gateway.phone;

import dev.switchboard.channels.phone.AmiLink;
import dev.switchboard.channels.phone.AmiSettings;
import dev.switchboard.channels.phone.AmiStatus;
import dev.switchboard.channels.phone.CallerHangupRelay;
import dev.switchboard.channels.phone.CallerIdNormalizer;
import dev.switchboard.channels.phone.FastAgiEntry;
import dev.switchboard.channels.phone.FastAgiSettings;
import dev.switchboard.channels.phone.calls.PhoneCallSettings;
import dev.switchboard.channels.phone.calls.PhoneCalls;
import dev.switchboard.channels.phone.calls.RoutedCallIntake;
import dev.switchboard.channels.phone.calls.TimelineCallNotes;
import dev.switchboard.config.PbxSettings;
import dev.switchboard.config.PhoneSection;
import dev.switchboard.gateway.web.ReadinessCheck;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * One PBX of the phone section: its AMI link, its FastAGI listener and the calls it carries. The AMI
 * events feed the caller-hangup relay and the calls; both run on {@code context}.
 */
final class PbxLink {

  private final PbxSettings settings;
  private final Context context;
  private final AmiLink ami;
  private final PhoneCalls calls;
  private final FastAgiEntry entry;

  private PbxLink(PbxSettings settings, Context context, AmiLink ami, PhoneCalls calls, FastAgiEntry entry) {
    this.settings = settings;
    this.context = context;
    this.ami = ami;
    this.calls = calls;
    this.entry = entry;
  }

  static PbxLink create(Vertx vertx, Context context, PhoneSection phone, PbxSettings pbx, Router router,
      RoutingView view, CustomerDirectory directory, CallerIdNormalizer normalizer,
      Function<AgentId, Optional<String>> devices, Clock clock) {
    CallerHangupRelay[] relay = new CallerHangupRelay[1];
    PhoneCalls[] calls = new PhoneCalls[1];
    AmiLink ami = new AmiLink(vertx, amiSettings(pbx), event -> {
      relay[0].onEvent(event);
      calls[0].onEvent(event);
    });
    calls[0] = new PhoneCalls(vertx, context, ami, router, view, devices, new TimelineCallNotes(directory),
        callSettings(phone), clock);
    FastAgiSettings agi = new FastAgiSettings(phone.agiBindAddress(), pbx.agiPort(), phone.maxConcurrentCalls(),
        phone.intakeTimeout());
    RoutedCallIntake intake = new RoutedCallIntake(directory, router, calls[0], agi.intakeTimeout(), clock);
    relay[0] = new CallerHangupRelay(context, intake);
    FastAgiEntry entry = new FastAgiEntry(vertx, agi, intake, normalizer, relay[0]);
    return new PbxLink(pbx, context, ami, calls[0], entry);
  }

  static AmiSettings amiSettings(PbxSettings pbx) {
    return AmiSettings.of(pbx.host(), pbx.port(), pbx.username(), pbx.secret().value())
        .withReconnect(pbx.reconnectMin(), pbx.reconnectMax())
        .withTimeouts(pbx.actionTimeout(), pbx.pingInterval());
  }

  static PhoneCallSettings callSettings(PhoneSection phone) {
    return new PhoneCallSettings(phone.holdingContext(), phone.connectContext(), phone.clickToDialContext(),
        phone.ringGrace(), phone.originateRingTimeout(), phone.reconcileInterval());
  }

  String id() {
    return settings.id();
  }

  PhoneCalls calls() {
    return calls;
  }

  /** Listens for FastAGI, then starts the AMI link (which logs in in the background) and the calls. */
  Future<Void> start() {
    return onContext(() -> entry.start()
        .recover(failure -> Future.failedFuture(new IllegalStateException("PBX " + id() + ": FastAGI cannot listen "
            + "on " + settings.agiPort() + " (" + failure.getMessage() + "); free the port or change agi-port",
            failure)))
        .compose(listening -> ami.start())
        .compose(linking -> calls.start()));
  }

  Future<Void> stop() {
    return onContext(() -> calls.stop().eventually(ami::stop).eventually(entry::stop));
  }

  /**
   * Registers this PBX's AMI figures, tagged {@code pbx=<id>}: events read ({@code switchboard_ami_events_total}),
   * events in the last full second, the event lag (Asterisk's {@code Timestamp:} to now; NaN until an event
   * carried one) and its maximum, reconnects, events dropped on overflow, and whether the link is logged in.
   */
  void bindMetrics(MeterRegistry registry) {
    Tags tags = Tags.of("pbx", id());
    FunctionCounter.builder("switchboard.ami.events", ami, link -> link.metrics().eventsReceived())
        .description("AMI events read from the PBX").tags(tags).register(registry);
    Gauge.builder("switchboard.ami.events.last.second", ami, link -> link.metrics().eventsLastSecond())
        .description("AMI events received during the last full second").tags(tags).register(registry);
    Gauge.builder("switchboard.ami.event.lag.seconds", ami, link -> seconds(link.metrics().lastEventLagMillis()))
        .description("now minus the Timestamp of the last AMI event (needs timestampevents=yes)").tags(tags)
        .register(registry);
    Gauge.builder("switchboard.ami.event.lag.max.seconds", ami, link -> seconds(link.metrics().maxEventLagMillis()))
        .description("the largest AMI event lag seen").tags(tags).register(registry);
    FunctionCounter.builder("switchboard.ami.reconnects", ami, link -> link.metrics().reconnects())
        .description("AMI logins after the first").tags(tags).register(registry);
    FunctionCounter.builder("switchboard.ami.dropped.events", ami, link -> link.metrics().droppedEvents())
        .description("AMI events dropped because the event queue was full (each forces a resync)").tags(tags)
        .register(registry);
    Gauge.builder("switchboard.ami.up", ami, link -> link.status().isReady() ? 1 : 0)
        .description("1 while the AMI link is logged in").tags(tags).register(registry);
  }

  private static double seconds(long millis) {
    return millis < 0 ? Double.NaN : millis / 1000.0;
  }

  /** Ready while the AMI link is logged in; otherwise not ready with the link's problem. */
  ReadinessCheck readiness() {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return "phone-" + id();
      }

      @Override
      public Future<String> check() {
        AmiStatus status = ami.status();
        if (status.isReady()) {
          return Future.succeededFuture("AMI " + settings.host() + ":" + settings.port() + " as '"
              + settings.username() + "', FastAGI on " + settings.agiPort());
        }
        return Future.failedFuture(new IllegalStateException("AMI " + settings.host() + ":" + settings.port() + " "
            + status.state() + status.problem().map(problem -> ": " + problem).orElse("")));
      }
    };
  }

  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> action) {
    io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
    context.runOnContext(ignored -> action.get().onComplete(promise));
    return promise.future();
  }
}
