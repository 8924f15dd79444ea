package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.HangupCause;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the fields we need out of Asterisk-Java's event beans and hands them to the
 * {@link ChannelTracker}. Dispatch is a registry keyed by the exact event class: an event type
 * with no entry (including Asterisk-Java's legacy copies such as DialEvent) is ignored.
 */
final class EventTranslator {

  private static final Logger log = LoggerFactory.getLogger(EventTranslator.class);

  private final Map<Class<?>, BiConsumer<ManagerEvent, Instant>> handlers = new HashMap<>();

  EventTranslator(ChannelTracker tracker) {
    on(NewChannelEvent.class, (event, at) -> tracker.started(call(event.getUniqueId(), event.getChannel()),
        text(event.getLinkedid()), AmiTime.callerId(event.getCallerIdNum()), text(event.getContext()),
        text(event.getExten()), state(event.getChannelState()), at));
    on(NewStateEvent.class, (event, at) ->
        tracker.stateChanged(event.getUniqueId(), state(event.getChannelState()), at));
    on(DialBeginEvent.class, (event, at) -> tracker.dialBegan(event.getUniqueId(),
        call(event.getDestUniqueId(), event.getDestChannel()), text(event.getDialString()), at));
    on(DialEndEvent.class, (event, at) -> tracker.dialEnded(event.getUniqueId(),
        call(event.getDestUniqueId(), event.getDestChannel()), text(event.getDialStatus()), at));
    on(BridgeEnterEvent.class, (event, at) ->
        tracker.enteredBridge(event.getUniqueId(), text(event.getBridgeUniqueId()), at));
    on(BridgeLeaveEvent.class, (event, at) ->
        tracker.leftBridge(event.getUniqueId(), text(event.getBridgeUniqueId()), at));
    on(HangupEvent.class, (event, at) -> tracker.hungUp(event.getUniqueId(),
        new HangupCause(event.getCause() == null ? 0 : event.getCause(), text(event.getCauseTxt())), at));
    on(CoreShowChannelEvent.class, (event, at) -> tracker.listed(text(event.getActionId()),
        call(event.getUniqueid(), event.getChannel()), text(event.getLinkedid()),
        AmiTime.callerId(event.getCallerIdNum()), text(event.getContext()), text(event.getExtension()),
        state(event.getChannelState()), at));
    on(CoreShowChannelsCompleteEvent.class, (event, at) -> tracker.listComplete(text(event.getActionId()), at));
  }

  private <T extends ManagerEvent> void on(Class<T> type, BiConsumer<T, Instant> handler) {
    handlers.put(type, (event, at) -> handler.accept(type.cast(event), at));
  }

  /** Translates one event; a malformed one is logged and skipped. */
  void translate(ManagerEvent event, Instant occurredAt) {
    BiConsumer<ManagerEvent, Instant> handler = handlers.get(event.getClass());
    if (handler == null) {
      log.trace("AMI event {} not used", event.getClass().getSimpleName());
      return;
    }
    try {
      handler.accept(event, occurredAt);
    } catch (IllegalArgumentException | NullPointerException e) {
      log.warn("AMI {} event ignored: {} (is the PBX sending incomplete events?)",
          event.getClass().getSimpleName(), e.getMessage());
    }
  }

  private static CallRef call(String uniqueId, String channel) {
    return new CallRef(Objects.requireNonNull(uniqueId, "event without Uniqueid"),
        Objects.requireNonNull(channel, "event without Channel"));
  }

  private static int state(Integer state) {
    return state == null ? -1 : state;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
