package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.CallIntake;
import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.CallerHangupRelay;
import dev.switchboard.channels.phone.CallerIdNormalizer;
import dev.switchboard.channels.phone.DialplanStatus;
import dev.switchboard.channels.phone.IncomingCall;
import dev.switchboard.channels.phone.IntakeDecision;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://host/route?queue=NAME)}: normalizes the caller id, asks {@link CallIntake} on
 * the Vert.x context and waits for its decision on this FastAGI thread (never on an event loop),
 * then leaves SWITCHBOARD_STATUS / _CONTACT / _REASON on the channel for the dialplan.
 */
final class RouteScript implements AgiScript {

  private static final Logger log = LoggerFactory.getLogger(RouteScript.class);
  private static final Set<String> WITHHELD = Set.of("", "anonymous", "restricted", "unknown",
      "unavailable", "private", "<unknown>");

  private final Context context;
  private final CallIntake intake;
  private final CallerIdNormalizer normalizer;
  private final CallerHangupRelay hangups;
  private final Duration timeout;
  private final Clock clock;

  RouteScript(Context context, CallIntake intake, CallerIdNormalizer normalizer, CallerHangupRelay hangups,
      Duration timeout, Clock clock) {
    this.context = context;
    this.intake = intake;
    this.normalizer = normalizer;
    this.hangups = hangups;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    String queue = Optional.ofNullable(request.getParameter("queue")).map(String::trim).orElse("");
    String channelName = Optional.ofNullable(request.getChannel()).orElse("");
    if (queue.isEmpty()) {
      log.warn("[channel={}] AGI route without queue: fix the dialplan to AGI(agi://host/route?queue=NAME)",
          channelName);
      AgiVariables.refuse(channel, DialplanStatus.UNKNOWN_QUEUE,
          "the AGI URL names no queue: use agi://host/route?queue=NAME");
      return;
    }
    String raw = Optional.ofNullable(request.getCallerIdNumber()).map(String::trim).orElse("");
    IncomingCall call;
    try {
      call = new IncomingCall(new CallRef(Optional.ofNullable(request.getUniqueId()).orElse(""), channelName),
          normalize(raw), raw, queue, clock.instant());
    } catch (IllegalArgumentException e) {
      log.warn("[channel={}] AGI request without channel or uniqueid: {}", channelName, e.getMessage());
      AgiVariables.refuse(channel, DialplanStatus.FAILED, "incomplete AGI request: " + e.getMessage());
      return;
    }
    IntakeDecision decision = decide(call);
    if (decision instanceof IntakeDecision.Queued queued) {
      hangups.accepted(call.call(), queued.contactId());
      AgiVariables.queued(channel, queued.contactId());
      log.info("[channel={} contact={}] queued in '{}' ({} caller)", channelName, queued.contactId(), queue,
          call.isUnknownCaller() ? "unknown" : "identified");
    } else if (decision instanceof IntakeDecision.Refused refused) {
      AgiVariables.refuse(channel, DialplanStatus.valueOf(refused.reason().name()), refused.detail());
      log.info("[channel={}] not queued in '{}': {} ({})", channelName, queue, refused.reason(), refused.detail());
    }
  }

  private Optional<String> normalize(String raw) {
    if (WITHHELD.contains(raw.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    try {
      return normalizer.toE164(raw).filter(number -> number.matches("\\+[1-9][0-9]{1,14}"));
    } catch (RuntimeException e) {
      log.debug("caller id not normalizable: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private IntakeDecision decide(IncomingCall call) {
    Promise<IntakeDecision> decision = Promise.promise();
    context.runOnContext(ignored -> {
      try {
        intake.enqueue(call).onComplete(decision);
      } catch (RuntimeException e) {
        decision.tryFail(e);
      }
    });
    try {
      return decision.future().toCompletionStage().toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(call, "interrupted while waiting for routing");
    } catch (TimeoutException e) {
      return failed(call, "routing did not answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return failed(call, "routing failed: " + e.getCause().getMessage());
    }
  }

  private static IntakeDecision failed(IncomingCall call, String detail) {
    log.error("[channel={}] call not queued in '{}': {}", call.call().channel(), call.queue(), detail);
    return new IntakeDecision.Refused(IntakeDecision.Reason.FAILED, detail);
  }
}
