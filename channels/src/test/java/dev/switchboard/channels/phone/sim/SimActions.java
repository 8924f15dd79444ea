package dev.switchboard.channels.phone.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The PBX actions the simulator understands (Originate, Redirect, Hangup, Setvar, Getvar,
 * CoreShowChannels), dispatched by name. Responses go out first; events follow.
 */
final class SimActions implements AmiSession.Actions {

  private final SimPbx pbx;
  private final Map<String, AmiUser> users;
  private final Map<String, SimCall> callsByChannel;
  private final Map<String, AgentBehaviour> agents = new ConcurrentHashMap<>();
  private final List<AmiMessage> received = new CopyOnWriteArrayList<>();
  private final Map<String, Function<AmiMessage, AmiSession.Reply>> handlers = Map.of(
      "originate", this::originate,
      "redirect", this::redirect,
      "hangup", this::hangup,
      "setvar", this::setvar,
      "getvar", this::getvar,
      "coreshowchannels", this::coreShowChannels);

  SimActions(SimPbx pbx, Map<String, AmiUser> users, Map<String, SimCall> callsByChannel) {
    this.pbx = pbx;
    this.users = new ConcurrentHashMap<>(users);
    this.callsByChannel = callsByChannel;
  }

  @Override
  public Optional<AmiUser> user(String username) {
    return Optional.ofNullable(users.get(username));
  }

  @Override
  public void record(AmiMessage action) {
    received.add(action);
  }

  @Override
  public Optional<AmiSession.Reply> perform(AmiMessage action) {
    String name = action.getOr("Action", "").toLowerCase(Locale.ROOT);
    return Optional.ofNullable(handlers.get(name)).map(handler -> handler.apply(action));
  }

  void addUser(String username, AmiUser user) {
    users.put(username, user);
  }

  List<AmiMessage> received() {
    return List.copyOf(received);
  }

  void behaviour(String exten, AgentBehaviour behaviour) {
    agents.put(exten, behaviour);
  }

  AgentBehaviour behaviourOf(String exten) {
    return agents.getOrDefault(exten, AgentBehaviour.ANSWER);
  }

  private AmiSession.Reply originate(AmiMessage action) {
    String target = action.getOr("Channel", "");
    int slash = target.indexOf('/');
    if (slash <= 0 || slash == target.length() - 1) {
      return error("Channel must be TECH/resource, got '" + target + "'");
    }
    String technology = target.substring(0, slash);
    String resource = target.substring(slash + 1);
    Runnable call = technology.equalsIgnoreCase("Local")
        ? () -> placeLocalOriginate(action, resource)
        : () -> placeOriginate(action, technology, resource.split("@")[0]);
    return AmiSession.Reply.of(AmiSession.response("Success")
        .add("Message", "Originate successfully queued"), call);
  }

  private void placeOriginate(AmiMessage action, String technology, String resource) {
    synchronized (pbx) {
      SimChannel leg = pbx.create(technology, resource, action.getOr("CallerID", "<unknown>"),
          "<unknown>", action.getOr("Context", "default"), action.getOr("Exten", "s"), Optional.empty());
      pbx.state(leg, SimChannel.State.RINGING);
      AgentBehaviour behaviour = behaviourOf(resource);
      if (behaviour == AgentBehaviour.ANSWER) {
        pbx.state(leg, SimChannel.State.UP);
        pbx.publishRaw(originateResponse(action, leg, "Success", 4));
        pbx.exten(leg, leg.context, leg.exten, Integer.parseInt(action.getOr("Priority", "1")), "Dial", "");
      } else {
        pbx.hangup(leg, behaviour == AgentBehaviour.BUSY ? 17 : 19,
            behaviour == AgentBehaviour.BUSY ? "User busy" : "User alerting, no answer");
        pbx.publishRaw(originateResponse(action, leg, "Failure", behaviour == AgentBehaviour.BUSY ? 5 : 3));
      }
    }
  }

  /** Local/EXTEN@CONTEXT: ;2 runs the dialplan at EXTEN@CONTEXT, ;1 continues at Context/Exten. */
  private void placeLocalOriginate(AmiMessage action, String resource) {
    synchronized (pbx) {
      SimChannel[] halves = pbx.createLocal(resource, action.getOr("CallerID", "<unknown>"),
          action.getOr("Context", "default"), action.getOr("Exten", "s"));
      SimChannel first = halves[0];
      SimChannel second = halves[1];
      pbx.exten(second, second.context, second.exten, 1, "Dial", "PJSIP/" + second.exten + ",30");
      pbx.state(second, SimChannel.State.UP);
      pbx.state(first, SimChannel.State.UP);
      pbx.publishRaw(originateResponse(action, first, "Success", 4));
      pbx.exten(first, first.context, first.exten, Integer.parseInt(action.getOr("Priority", "1")), "NoOp", "");
    }
  }

  private AmiMessage originateResponse(AmiMessage action, SimChannel leg, String result, int reason) {
    AmiMessage.Builder event = AmiMessage.builder().add("Event", "OriginateResponse")
        .add("Privilege", "call,all").add("Timestamp", pbx.timestamp());
    action.get("ActionID").ifPresent(actionId -> event.add("ActionID", actionId));
    return event.add("Response", result).add("Channel", leg.name)
        .add("Context", leg.context).add("Exten", leg.exten).add("Reason", reason)
        .add("Uniqueid", leg.uniqueId).add("CallerIDNum", leg.callerIdNum)
        .add("CallerIDName", leg.callerIdName).build();
  }

  private AmiSession.Reply redirect(AmiMessage action) {
    Optional<SimChannel> channel = pbx.find(action.getOr("Channel", ""));
    if (channel.isEmpty()) {
      return error("Channel specified does not exist");
    }
    String context = action.getOr("Context", "");
    String exten = action.getOr("Exten", "");
    int priority = Integer.parseInt(action.getOr("Priority", "1"));
    return AmiSession.Reply.of(AmiSession.response("Success").add("Message", "Redirect successful"),
        () -> redirected(channel.get(), context, exten, priority));
  }

  private void redirected(SimChannel channel, String context, String exten, int priority) {
    synchronized (pbx) {
      if (!pbx.isLive(channel)) {
        return;
      }
      pbx.leaveBridge(channel);
      SimCall call = callsByChannel.get(channel.name);
      if (call != null) {
        call.cancelRinging();
      }
      if (call != null && context.equals(SimCall.CONNECT_CONTEXT)) {
        pbx.exten(channel, context, exten, priority, "Dial", "PJSIP/" + exten + ",30");
        call.dial(exten, behaviourOf(exten));
      } else {
        pbx.exten(channel, context, exten, priority,
            context.equals(SimCall.HOLD_CONTEXT) ? "MusicOnHold" : "NoOp", "");
      }
    }
  }

  private AmiSession.Reply hangup(AmiMessage action) {
    Optional<SimChannel> channel = pbx.find(action.getOr("Channel", ""));
    if (channel.isEmpty()) {
      return error("No such channel");
    }
    int cause = Integer.parseInt(action.getOr("Cause", "16"));
    return AmiSession.Reply.of(AmiSession.response("Success").add("Message", "Channel Hungup"),
        () -> hungUp(channel.get(), cause));
  }

  /** A caller's channel ends as {@link SimCall#callerHungUp} says; any other channel just ends. */
  private void hungUp(SimChannel channel, int cause) {
    String causeText = cause == 16 ? "Normal Clearing" : "Cause " + cause;
    synchronized (pbx) {
      SimCall call = callsByChannel.get(channel.name);
      if (call != null && pbx.isLive(channel)) {
        call.callerHungUp(cause, causeText);
      } else {
        pbx.hangup(channel, cause, causeText);
      }
    }
  }

  private AmiSession.Reply setvar(AmiMessage action) {
    Optional<SimChannel> channel = pbx.find(action.getOr("Channel", ""));
    if (action.get("Channel").isPresent() && channel.isEmpty()) {
      return error("No such channel");
    }
    String variable = action.getOr("Variable", "");
    if (variable.isEmpty()) {
      return error("No variable specified");
    }
    String value = action.getOr("Value", "");
    return AmiSession.Reply.of(AmiSession.response("Success").add("Message", "Variable Set"),
        () -> channel.ifPresent(found -> pbx.variable(found, variable, value)));
  }

  private AmiSession.Reply getvar(AmiMessage action) {
    Optional<SimChannel> channel = pbx.find(action.getOr("Channel", ""));
    if (channel.isEmpty()) {
      return error("No such channel");
    }
    String variable = action.getOr("Variable", "");
    String value;
    synchronized (pbx) {
      value = channel.get().variables.getOrDefault(variable, "");
    }
    return AmiSession.Reply.of(AmiSession.response("Success").add("Variable", variable)
        .add("Value", value), () -> { });
  }

  private AmiSession.Reply coreShowChannels(AmiMessage action) {
    List<AmiMessage> messages = new ArrayList<>();
    messages.add(AmiSession.response("Success").add("EventList", "start")
        .add("Message", "Channels will follow").build());
    List<SimChannel> live = pbx.live();
    for (SimChannel channel : live) {
      messages.add(channel.describe(AmiMessage.builder().add("Event", "CoreShowChannel"), "")
          .add("Application", channel.application).add("ApplicationData", channel.applicationData)
          .add("Duration", "00:00:01").add("BridgeId", channel.bridgeId.orElse("")).build());
    }
    messages.add(AmiMessage.builder().add("Event", "CoreShowChannelsComplete")
        .add("EventList", "Complete").add("ListItems", live.size()).build());
    return new AmiSession.Reply(messages, () -> { });
  }

  private static AmiSession.Reply error(String message) {
    return AmiSession.Reply.of(AmiSession.response("Error").add("Message", message), () -> { });
  }
}
