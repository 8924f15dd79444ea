package dev.switchboard.channels.phone;

import io.vertx.core.Context;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link CallIntake} when the caller of an accepted contact hangs up, by watching the AMI
 * link's {@link PhoneEvent.CallHungUp} events. A hangup that arrives before the FastAGI entry
 * registered the contact is remembered for a while, so even that abandon is not lost.
 *
 * <p>Threading: {@link #onEvent} runs on the AMI link's context, {@link #accepted} on FastAGI
 * threads; intake calls are made on {@code context}.
 */
public final class CallerHangupRelay implements PhoneEventListener {

  private static final Logger log = LoggerFactory.getLogger(CallerHangupRelay.class);
  private static final int REMEMBERED = 10_000;

  private record Ended(HangupCause cause, Instant at) {}

  private final Context context;
  private final CallIntake intake;
  private final Map<String, String> contactsByCaller = new HashMap<>();
  private final Map<String, Ended> endedUnclaimed = new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Ended> eldest) {
      return size() > REMEMBERED;
    }
  };

  public CallerHangupRelay(Context context, CallIntake intake) {
    this.context = Objects.requireNonNull(context, "context");
    this.intake = Objects.requireNonNull(intake, "intake");
  }

  /** The call on {@code caller} became contact {@code contactId}; watch for its hangup. */
  public void accepted(CallRef caller, String contactId) {
    Ended ended;
    synchronized (this) {
      ended = endedUnclaimed.remove(caller.uniqueId());
      if (ended == null) {
        contactsByCaller.put(caller.uniqueId(), contactId);
        return;
      }
    }
    notifyIntake(caller, contactId, ended);
  }

  @Override
  public void onEvent(PhoneEvent event) {
    if (!(event instanceof PhoneEvent.CallHungUp hungUp)) {
      return;
    }
    String contactId;
    Ended ended = new Ended(hungUp.cause(), hungUp.occurredAt());
    synchronized (this) {
      contactId = contactsByCaller.remove(hungUp.call().uniqueId());
      if (contactId == null) {
        endedUnclaimed.put(hungUp.call().uniqueId(), ended);
        return;
      }
    }
    notifyIntake(hungUp.call(), contactId, ended);
  }

  /** How many accepted callers are being watched now. */
  public synchronized int watching() {
    return contactsByCaller.size();
  }

  private void notifyIntake(CallRef caller, String contactId, Ended ended) {
    context.runOnContext(ignored -> intake.callerHungUp(contactId, ended.cause(), ended.at())
        .onFailure(failure -> log.error("[contact={} channel={}] caller hangup not recorded: {}", contactId,
            caller.channel(), failure.getMessage())));
  }
}
