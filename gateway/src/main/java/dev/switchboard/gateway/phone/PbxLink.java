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
