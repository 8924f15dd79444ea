package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.HangupCause;
import dev.switchboard.channels.phone.PhoneEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels we know to be alive, kept from AMI events. It drops duplicates, late events and
 * events of channels it never saw (debug log), and after a reconnect reconciles itself with
 * CoreShowChannels so that a channel which ended meanwhile is reported ended and one that started
 * meanwhile appears. Confined to the {@code ami-events} thread.
 */
final class ChannelTracker {

  private static final Logger log = LoggerFactory.getLogger(ChannelTracker.class);
  private static final int UP = 6;
  private static final int REMEMBERED_ENDED = 10_000;

  private static final class Tracked {
    final CallRef call;
    boolean answered;
    Optional<String> bridgeId = Optional.empty();
    long generation;

    Tracked(CallRef call, boolean answered, long generation) {
      this.call = call;
      this.answered = answered;
      this.generation = generation;
    }
  }

  private record Resync(String actionId, long generation, Set<String> seen) {}

  private final Consumer<PhoneEvent> sink;
  private final Map<String, Tracked> live = new HashMap<>();
  private final Map<String, Boolean> ended = new LinkedHashMap<>(256, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_ENDED;
    }
  };
  private long generation;
  private Optional<Resync> resync = Optional.empty();

  ChannelTracker(Consumer<PhoneEvent> sink) {
    this.sink = sink;
  }

  int liveCount() {
    return live.size();
  }

  void started(CallRef call, String linkedId, Optional<String> callerId, String context, String exten,
      int state, Instant at) {
    if (live.containsKey(call.uniqueId()) || ended.containsKey(call.uniqueId())) {
      log.debug("[channel={} uniqueid={}] duplicate or late Newchannel ignored", call.channel(), call.uniqueId());
      return;
    }
    live.put(call.uniqueId(), new Tracked(call, state == UP, generation));
    sink.accept(new PhoneEvent.CallStarted(call, linkedId, callerId, context, exten, state == UP,
        PhoneEvent.Origin.LIVE, at));
  }

  void stateChanged(String uniqueId, int state, Instant at) {
    Optional<Tracked> tracked = known(uniqueId, "Newstate");
    if (tracked.isPresent() && state == UP && !tracked.get().answered) {
      tracked.get().answered = true;
      sink.accept(new PhoneEvent.CallAnswered(tracked.get().call, at));
    }
  }

  void dialBegan(String uniqueId, CallRef destination, String dialString, Instant at) {
    known(uniqueId, "DialBegin").ifPresent(tracked ->
        sink.accept(new PhoneEvent.DialStarted(tracked.call, destination, dialString, at)));
  }

  void dialEnded(String uniqueId, CallRef destination, String dialStatus, Instant at) {
    known(uniqueId, "DialEnd").ifPresent(tracked ->
        sink.accept(new PhoneEvent.DialEnded(tracked.call, destination, dialStatus, at)));
  }

  void enteredBridge(String uniqueId, String bridgeId, Instant at) {
    known(uniqueId, "BridgeEnter").ifPresent(tracked -> {
      if (tracked.bridgeId.equals(Optional.of(bridgeId))) {
        log.debug("[uniqueid={} bridge={}] duplicate BridgeEnter ignored", uniqueId, bridgeId);
        return;
      }
      tracked.bridgeId = Optional.of(bridgeId);
      sink.accept(new PhoneEvent.CallBridged(tracked.call, bridgeId, at));
    });
  }

  void leftBridge(String uniqueId, String bridgeId, Instant at) {
    known(uniqueId, "BridgeLeave").ifPresent(tracked -> {
      if (!tracked.bridgeId.equals(Optional.of(bridgeId))) {
        log.debug("[uniqueid={} bridge={}] BridgeLeave for a bridge it is not in ignored", uniqueId, bridgeId);
        return;
      }
      tracked.bridgeId = Optional.empty();
      sink.accept(new PhoneEvent.CallLeftBridge(tracked.call, bridgeId, at));
    });
  }

  void hungUp(String uniqueId, HangupCause cause, Instant at) {
    known(uniqueId, "Hangup").ifPresent(tracked -> end(tracked, cause, at));
  }

  /** A resync begins: channels not touched from now on and not listed will be reported ended. */
  void resyncStarted(String actionId) {
    generation++;
    resync = Optional.of(new Resync(actionId, generation, new HashSet<>()));
  }

  void listed(String actionId, CallRef call, String linkedId, Optional<String> callerId, String context,
      String exten, int state, Instant at) {
    if (!isCurrentResync(actionId)) {
      return;
    }
    resync.get().seen().add(call.uniqueId());
    Tracked tracked = live.get(call.uniqueId());
    if (tracked == null && !ended.containsKey(call.uniqueId())) {
      live.put(call.uniqueId(), new Tracked(call, state == UP, generation));
      sink.accept(new PhoneEvent.CallStarted(call, linkedId, callerId, context, exten, state == UP,
          PhoneEvent.Origin.RESYNC, at));
    } else if (tracked != null && state == UP && !tracked.answered) {
      tracked.answered = true;
      sink.accept(new PhoneEvent.CallAnswered(tracked.call, at));
    }
  }

  void listComplete(String actionId, Instant at) {
    if (!isCurrentResync(actionId)) {
      return;
    }
    Resync done = resync.get();
    resync = Optional.empty();
    Iterator<Tracked> channels = new HashMap<>(live).values().iterator();
    int endedCount = 0;
    while (channels.hasNext()) {
      Tracked tracked = channels.next();
      if (tracked.generation < done.generation() && !done.seen().contains(tracked.call.uniqueId())) {
        end(tracked, HangupCause.ENDED_WHILE_DISCONNECTED, at);
        endedCount++;
      }
    }
    log.info("AMI resync {} done: {} channels live, {} ended while disconnected", actionId, live.size(),
        endedCount);
  }

  private boolean isCurrentResync(String actionId) {
    return resync.isPresent() && resync.get().actionId().equals(actionId);
  }

  private void end(Tracked tracked, HangupCause cause, Instant at) {
    live.remove(tracked.call.uniqueId());
    ended.put(tracked.call.uniqueId(), Boolean.TRUE);
    sink.accept(new PhoneEvent.CallHungUp(tracked.call, cause, at));
  }

  private Optional<Tracked> known(String uniqueId, String eventType) {
    Tracked tracked = uniqueId == null ? null : live.get(uniqueId);
    if (tracked == null) {
      log.debug("[uniqueid={}] {} for a channel {} ignored", uniqueId, eventType,
          uniqueId != null && ended.containsKey(uniqueId) ? "that already ended" : "never seen");
      return Optional.empty();
    }
    tracked.generation = generation;
    return Optional.of(tracked);
  }
}
