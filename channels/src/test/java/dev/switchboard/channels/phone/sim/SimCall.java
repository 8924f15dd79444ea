package dev.switchboard.channels.phone.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One incoming call in the simulated PBX, with the steps a scenario can play: an agent answers,
 * does not answer, the caller abandons, a transfer, the end of the conversation. Each step emits the
 * AMI events Asterisk 20 would, in order. Steps may be called from any thread.
 */
public final class SimCall {

  static final String HOLD_CONTEXT = "switchboard-holding";
  static final String CONNECT_CONTEXT = "switchboard-connect";

  private final SimPbx pbx;
  private final SimChannel caller;
  private final CompletableFuture<AgiDialer.Outcome> agi = new CompletableFuture<>();
  private Optional<SimChannel> agent = Optional.empty();
  private Optional<SimChannel> ringing = Optional.empty();

  SimCall(SimPbx pbx, SimChannel caller) {
    this.pbx = pbx;
    this.caller = caller;
  }

  public String channel() {
    return caller.name;
  }

  public String uniqueId() {
    return caller.uniqueId;
  }

  /** The agent leg's channel name, once an agent was dialled and answered. */
  public Optional<String> agentChannel() {
    synchronized (pbx) {
      return agent.map(leg -> leg.name);
    }
  }

  public boolean isLive() {
    return pbx.isLive(caller);
  }

  /** Waits for AGI() to return and gives the channel variables the AGI script set. */
  public Map<String, String> awaitAgi(Duration timeout) {
    try {
      return agi.get(timeout.toMillis(), TimeUnit.MILLISECONDS).variables();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for AGI on " + caller, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("AGI on " + caller + " did not complete: " + e, e);
    }
  }

  /** Completes with the variables AGI set once AGI() returned, or fails if it could not run. */
  public CompletableFuture<Map<String, String>> agiResult() {
    return agi.thenApply(AgiDialer.Outcome::variables);
  }

  /** Reads a channel variable as the dialplan would see it. */
  public Optional<String> variable(String name) {
    synchronized (pbx) {
      return Optional.ofNullable(caller.variables.get(name));
    }
  }

  /** The agent's phone rings and is answered; caller and agent end up bridged. */
  public SimCall answeredBy(String agentExten) {
    return dial(agentExten, AgentBehaviour.ANSWER);
  }

  /** The agent's phone rings out; the caller goes back to music on hold. */
  public SimCall notAnsweredBy(String agentExten) {
    return dial(agentExten, AgentBehaviour.NO_ANSWER);
  }

  /** The caller hangs up while waiting (or while talking): an abandon when still queued. */
  public SimCall abandon() {
    synchronized (pbx) {
      callerHungUp(16, "Normal Clearing");
    }
    return this;
  }

  /**
   * The caller's channel ends (the caller hung up, or the PBX was told to hang it up): as Asterisk's Dial
   * does, a phone it still rings stops (CANCEL) and the agent it was connected to is hung up as well.
   */
  void callerHungUp(int cause, String causeText) {
    cancelRinging();
    agent.ifPresent(leg -> pbx.leaveBridge(leg));
    pbx.hangup(caller, cause, causeText);
    agent.ifPresent(leg -> pbx.hangup(leg, 16, "Normal Clearing"));
    agent = Optional.empty();
  }

  /** The conversation ends: the agent hangs up, then the caller's leg ends. */
  public SimCall agentHangsUp() {
    synchronized (pbx) {
      agent.ifPresent(leg -> pbx.hangup(leg, 16, "Normal Clearing"));
      agent = Optional.empty();
      pbx.hangup(caller, 16, "Normal Clearing");
    }
    return this;
  }

  /** Blind transfer of the caller from the current agent to {@code agentExten}. */
  public SimCall transferTo(String agentExten) {
    synchronized (pbx) {
      agent.ifPresent(leg -> {
        pbx.leaveBridge(caller);
        pbx.hangup(leg, 16, "Normal Clearing");
      });
      agent = Optional.empty();
      pbx.exten(caller, CONNECT_CONTEXT, agentExten, 1, "Dial", "PJSIP/" + agentExten + ",30");
      return dial(agentExten, AgentBehaviour.ANSWER);
    }
  }

  SimCall dial(String agentExten, AgentBehaviour behaviour) {
    synchronized (pbx) {
      if (!pbx.isLive(caller)) {
        throw new IllegalStateException(caller + " has hung up; cannot dial " + agentExten);
      }
      if (!"Dial".equals(caller.application)) {
        pbx.exten(caller, CONNECT_CONTEXT, agentExten, 1, "Dial", "PJSIP/" + agentExten + ",30");
      }
      SimChannel leg = pbx.create("PJSIP", agentExten, caller.callerIdNum, caller.callerIdName,
          CONNECT_CONTEXT, agentExten, Optional.of(caller));
      pbx.dialBegin(caller, leg, agentExten);
      switch (behaviour) {
        case ANSWER -> answer(leg);
        case NO_ANSWER -> fail(leg, "NOANSWER", 19, "User alerting, no answer");
        case BUSY -> fail(leg, "BUSY", 17, "User busy");
        case RING -> {
          pbx.state(leg, SimChannel.State.RINGING);
          ringing = Optional.of(leg);
        }
      }
      return this;
    }
  }

  private void answer(SimChannel leg) {
    pbx.state(leg, SimChannel.State.RINGING);
    pbx.state(leg, SimChannel.State.UP);
    pbx.dialEnd(caller, leg, "ANSWER");
    pbx.bridge(caller, leg);
    agent = Optional.of(leg);
  }

  private void fail(SimChannel leg, String dialStatus, int cause, String causeText) {
    if (cause == 19) {
      pbx.state(leg, SimChannel.State.RINGING);
    }
    pbx.dialEnd(caller, leg, dialStatus);
    pbx.hangup(leg, cause, causeText);
    hold();
  }

  /** The agent's phone that is ringing ({@link AgentBehaviour#RING}) is answered now. */
  public SimCall answerRinging() {
    synchronized (pbx) {
      ringing.ifPresent(this::answer);
      ringing = Optional.empty();
    }
    return this;
  }

  /** The caller leaves the dial (redirect or hangup): a phone still ringing stops (CANCEL). */
  void cancelRinging() {
    ringing.ifPresent(leg -> {
      pbx.dialEnd(caller, leg, "CANCEL");
      pbx.hangup(leg, 16, "Normal Clearing");
    });
    ringing = Optional.empty();
  }

  void hold() {
    pbx.exten(caller, HOLD_CONTEXT, "s", 1, "MusicOnHold", "default");
  }

  void agiCompleted(AgiDialer.Outcome outcome) {
    agi.complete(outcome);
  }

  void agiFailed(Throwable failure) {
    agi.completeExceptionally(failure);
  }

  SimChannel callerLeg() {
    return caller;
  }

  @Override
  public String toString() {
    return "SimCall[" + caller + "]";
  }
}
