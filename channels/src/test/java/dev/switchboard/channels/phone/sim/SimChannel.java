package dev.switchboard.channels.phone.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One live channel inside the simulated PBX. Mutable, and only touched while holding the
 * {@link SimPbx} lock.
 */
final class SimChannel {

  /** Asterisk's channel states, with the numbers AMI reports. */
  enum State {
    DOWN(0, "Down"), RING(4, "Ring"), RINGING(5, "Ringing"), UP(6, "Up");

    final int code;
    final String description;

    State(int code, String description) {
      this.code = code;
      this.description = description;
    }
  }

  final String name;
  final String uniqueId;
  final String linkedId;
  final String callerIdNum;
  final String callerIdName;
  final Instant createdAt;
  final Map<String, String> variables = new LinkedHashMap<>();
  State state = State.DOWN;
  String context;
  String exten;
  int priority = 1;
  String application = "";
  String applicationData = "";
  Optional<String> bridgeId = Optional.empty();
  Optional<SimChannel> peer = Optional.empty();

  SimChannel(String name, String uniqueId, String linkedId, String callerIdNum, String callerIdName,
      String context, String exten, Instant createdAt) {
    this.name = name;
    this.uniqueId = uniqueId;
    this.linkedId = linkedId;
    this.callerIdNum = callerIdNum;
    this.callerIdName = callerIdName;
    this.context = context;
    this.exten = exten;
    this.createdAt = createdAt;
  }

  /** The headers every channel event carries, in Asterisk 20's order. */
  AmiMessage.Builder describe(AmiMessage.Builder event, String prefix) {
    return event
        .add(prefix + "Channel", name)
        .add(prefix + "ChannelState", state.code)
        .add(prefix + "ChannelStateDesc", state.description)
        .add(prefix + "CallerIDNum", callerIdNum)
        .add(prefix + "CallerIDName", callerIdName)
        .add(prefix + "ConnectedLineNum", peer.map(other -> other.callerIdNum).orElse("<unknown>"))
        .add(prefix + "ConnectedLineName", peer.map(other -> other.callerIdName).orElse("<unknown>"))
        .add(prefix + "Language", "en")
        .add(prefix + "AccountCode", "")
        .add(prefix + "Context", context)
        .add(prefix + "Exten", exten)
        .add(prefix + "Priority", priority)
        .add(prefix + "Uniqueid", uniqueId)
        .add(prefix + "Linkedid", linkedId);
  }

  @Override
  public String toString() {
    return name + "(" + uniqueId + ")";
  }
}
