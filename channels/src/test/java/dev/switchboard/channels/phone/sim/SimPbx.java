package dev.switchboard.channels.phone.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The simulated PBX's channel model. Every change emits the AMI events Asterisk 20 emits for it,
 * with {@code Timestamp:} headers, to the {@link EventSink}. All methods hold this object's lock, so
 * a compound step (synchronized on the pbx) is seen by AMI clients as one ordered sequence.
 */
final class SimPbx {

  /** Where events go: the AMI server broadcasts them to logged-in sessions. */
  interface EventSink {
    void publish(AmiMessage event);
  }

  /** The {@code Privilege:} of call events, and of dialplan ones (Newexten, VarSet), as Asterisk 20 labels them. */
  static final String CALL = "call,all";
  static final String DIALPLAN = "dialplan,all";

  private final Clock clock;
  private final EventSink sink;
  private final Map<String, SimChannel> channelsByName = new LinkedHashMap<>();
  private final Map<String, Integer> bridgeMembers = new HashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final long epoch;

  SimPbx(Clock clock, EventSink sink) {
    this.clock = clock;
    this.sink = sink;
    this.epoch = clock.instant().getEpochSecond();
  }

  synchronized SimChannel create(String technology, String resource, String callerIdNum,
      String callerIdName, String context, String exten, Optional<SimChannel> linkedTo) {
    long id = sequence.incrementAndGet();
    String name = String.format("%s/%s-%08x", technology, resource, id);
    String uniqueId = epoch + "." + id;
    String linkedId = linkedTo.map(other -> other.linkedId).orElse(uniqueId);
    SimChannel channel = new SimChannel(name, uniqueId, linkedId, callerIdNum, callerIdName,
        context, exten, clock.instant());
    channelsByName.put(name, channel);
    emit("Newchannel", event -> channel.describe(event, ""));
    return channel;
  }

  /**
   * A Local channel pair, named as Asterisk names them ({@code Local/1001@ctx-00000003;1} and
   * {@code ;2}); both halves share the linkedid of the first.
   */
  synchronized SimChannel[] createLocal(String resource, String callerIdNum, String context, String exten) {
    long id = sequence.incrementAndGet();
    SimChannel[] halves = new SimChannel[2];
    for (int half = 0; half < 2; half++) {
      String name = String.format("Local/%s-%08x;%d", resource, id, half + 1);
      String uniqueId = epoch + "." + id + (half == 0 ? "" : "1");
      String linkedId = half == 0 ? uniqueId : halves[0].linkedId;
      String[] target = resource.split("@", 2);
      SimChannel channel = new SimChannel(name, uniqueId, linkedId, callerIdNum, "<unknown>",
          half == 0 ? context : (target.length == 2 ? target[1] : "default"),
          half == 0 ? exten : target[0], clock.instant());
      channelsByName.put(name, channel);
      halves[half] = channel;
      emit("Newchannel", event -> channel.describe(event, ""));
    }
    return halves;
  }

  synchronized void state(SimChannel channel, SimChannel.State state) {
    channel.state = state;
    emit("Newstate", event -> channel.describe(event, ""));
  }

  synchronized void exten(SimChannel channel, String context, String exten, int priority,
      String application, String data) {
    channel.context = context;
    channel.exten = exten;
    channel.priority = priority;
    channel.application = application;
    channel.applicationData = data;
    emit("Newexten", DIALPLAN, event -> channel.describe(event, "")
        .add("Extension", exten).add("Application", application).add("AppData", data));
  }

  synchronized void variable(SimChannel channel, String name, String value) {
    channel.variables.put(name, value);
    emit("VarSet", DIALPLAN, event -> channel.describe(event, "").add("Variable", name).add("Value", value));
  }

  synchronized void dialBegin(SimChannel caller, SimChannel destination, String dialString) {
    emit("DialBegin", event -> caller.describe(event, "").addAll(destinationOf(destination))
        .add("DialString", dialString));
  }

  synchronized void dialEnd(SimChannel caller, SimChannel destination, String status) {
    emit("DialEnd", event -> caller.describe(event, "").addAll(destinationOf(destination))
        .add("DialStatus", status));
  }

  synchronized void bridge(SimChannel first, SimChannel second) {
    String bridgeId = UUID.randomUUID().toString();
    first.peer = Optional.of(second);
    second.peer = Optional.of(first);
    emit("BridgeCreate", event -> bridgeHeaders(event, bridgeId, 0));
    enterBridge(first, bridgeId, 1);
    enterBridge(second, bridgeId, 2);
  }

  private void enterBridge(SimChannel channel, String bridgeId, int count) {
    channel.bridgeId = Optional.of(bridgeId);
    bridgeMembers.merge(bridgeId, 1, Integer::sum);
    emit("BridgeEnter", event -> channel.describe(bridgeHeaders(event, bridgeId, count), ""));
  }

  synchronized void leaveBridge(SimChannel channel) {
    channel.bridgeId.ifPresent(bridgeId -> {
      int remaining = bridgeMembers.merge(bridgeId, -1, Integer::sum);
      channel.bridgeId = Optional.empty();
      channel.peer = Optional.empty();
      emit("BridgeLeave", event -> channel.describe(bridgeHeaders(event, bridgeId, remaining), ""));
      if (remaining == 0) {
        bridgeMembers.remove(bridgeId);
        emit("BridgeDestroy", event -> bridgeHeaders(event, bridgeId, 0));
      }
    });
  }

  synchronized void hangup(SimChannel channel, int cause, String causeText) {
    if (!channelsByName.containsKey(channel.name)) {
      return;
    }
    leaveBridge(channel);
    emit("Hangup", event -> channel.describe(event, "").add("Cause", cause).add("Cause-txt", causeText));
    channelsByName.remove(channel.name);
  }

  synchronized Optional<SimChannel> find(String name) {
    return Optional.ofNullable(channelsByName.get(name));
  }

  synchronized boolean isLive(SimChannel channel) {
    return channelsByName.get(channel.name) == channel;
  }

  synchronized List<SimChannel> live() {
    return new ArrayList<>(channelsByName.values());
  }

  /** Sends a hand-made event as is, for tests of odd input (duplicates, unknown types). */
  synchronized void publishRaw(AmiMessage event) {
    sink.publish(event);
  }

  String timestamp() {
    Instant now = clock.instant();
    return String.format("%d.%06d", now.getEpochSecond(), now.getNano() / 1000);
  }

  private void emit(String type, Consumer<AmiMessage.Builder> body) {
    emit(type, CALL, body);
  }

  private void emit(String type, String privilege, Consumer<AmiMessage.Builder> body) {
    AmiMessage.Builder event = AmiMessage.builder()
        .add("Event", type).add("Privilege", privilege).add("Timestamp", timestamp());
    body.accept(event);
    sink.publish(event.build());
  }

  private static AmiMessage destinationOf(SimChannel destination) {
    return destination.describe(AmiMessage.builder(), "Dest").build();
  }

  private static AmiMessage.Builder bridgeHeaders(AmiMessage.Builder event, String bridgeId, int count) {
    return event.add("BridgeUniqueid", bridgeId).add("BridgeType", "basic")
        .add("BridgeTechnology", "simple_bridge").add("BridgeCreator", "<unknown>")
        .add("BridgeName", "<unknown>").add("BridgeNumChannels", count)
        .add("BridgeVideoSourceMode", "none");
  }
}
