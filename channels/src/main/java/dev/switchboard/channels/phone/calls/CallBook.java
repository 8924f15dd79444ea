package dev.switchboard.channels.phone.calls;

import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.routing.contact.ContactId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The calls this node holds, found by contact, by the caller's channel and by the agent legs dialled
 * for them; plus the Originates waiting for their first channel. Touched only on the
 * {@link PhoneCalls} context.
 */
final class CallBook {

  private final Map<ContactId, CallRecord> byContact = new HashMap<>();
  private final Map<String, CallRecord> byCaller = new HashMap<>();
  private final Map<String, CallRecord> byLeg = new HashMap<>();
  private final Map<String, Deque<Consumer<CallRef>>> originating = new HashMap<>();

  void add(CallRecord call) {
    byContact.put(call.contact, call);
    byCaller.put(call.caller.uniqueId(), call);
  }

  Optional<CallRecord> contact(ContactId contact) {
    return Optional.ofNullable(byContact.get(contact));
  }

  Optional<CallRecord> caller(String uniqueId) {
    return Optional.ofNullable(byCaller.get(uniqueId));
  }

  Optional<CallRecord> leg(String uniqueId) {
    return Optional.ofNullable(byLeg.get(uniqueId));
  }

  void addLeg(CallRecord call, CallRef leg) {
    byLeg.put(leg.uniqueId(), call);
  }

  void forgetLeg(CallRef leg) {
    byLeg.remove(leg.uniqueId());
  }

  void remove(CallRecord call) {
    byContact.remove(call.contact, call);
    byCaller.remove(call.caller.uniqueId(), call);
    call.agentLeg.ifPresent(this::forgetLeg);
    call.consultLeg.ifPresent(this::forgetLeg);
  }

  List<CallRecord> all() {
    return new ArrayList<>(byContact.values());
  }

  int size() {
    return byContact.size();
  }

  /** The next channel that starts on {@code device} (e.g. {@code PJSIP/1001}) goes to {@code claim}. */
  void expectOriginate(String device, Consumer<CallRef> claim) {
    originating.computeIfAbsent(device, ignored -> new ArrayDeque<>()).add(claim);
  }

  void cancelOriginate(String device, Consumer<CallRef> claim) {
    Deque<Consumer<CallRef>> waiting = originating.get(device);
    if (waiting != null && waiting.remove(claim) && waiting.isEmpty()) {
      originating.remove(device);
    }
  }

  /** Hands a new channel to the Originate waiting for its device, if any. */
  boolean claimOriginated(CallRef channel) {
    int dash = channel.channel().lastIndexOf('-');
    String device = dash > 0 ? channel.channel().substring(0, dash) : channel.channel();
    Deque<Consumer<CallRef>> waiting = originating.get(device);
    if (waiting == null || waiting.isEmpty()) {
      return false;
    }
    Consumer<CallRef> claim = waiting.poll();
    if (waiting.isEmpty()) {
      originating.remove(device);
    }
    claim.accept(channel);
    return true;
  }
}
