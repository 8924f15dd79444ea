package dev.switchboard.channels.phone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.HangupCause;
import dev.switchboard.channels.phone.PhoneEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelTrackerTest {

  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
  private static final CallRef CALLER = new CallRef("1.1", "PJSIP/trunk-00000001");
  private static final CallRef AGENT = new CallRef("1.2", "PJSIP/1001-00000002");

  private final List<PhoneEvent> events = new ArrayList<>();
  private final ChannelTracker tracker = new ChannelTracker(events::add);

  @Test
  void reportsAnswerOnceEvenWhenNewstateUpRepeats() {
    start(CALLER, 0);
    tracker.stateChanged(CALLER.uniqueId(), 4, AT);
    tracker.stateChanged(CALLER.uniqueId(), 6, AT);
    tracker.stateChanged(CALLER.uniqueId(), 6, AT);

    assertThat(types()).containsExactly(PhoneEvent.CallStarted.class, PhoneEvent.CallAnswered.class);
  }

  @Test
  void dropsDuplicateNewchannelAndEventsOfUnknownOrEndedChannels() {
    start(CALLER, 0);
    start(CALLER, 0);
    tracker.stateChanged("9.9", 6, AT);
    tracker.hungUp("9.9", new HangupCause(16, "Normal Clearing"), AT);
    tracker.hungUp(CALLER.uniqueId(), new HangupCause(16, "Normal Clearing"), AT);
    tracker.hungUp(CALLER.uniqueId(), new HangupCause(16, "Normal Clearing"), AT);
    tracker.stateChanged(CALLER.uniqueId(), 6, AT);
    start(CALLER, 6);

    assertThat(types()).containsExactly(PhoneEvent.CallStarted.class, PhoneEvent.CallHungUp.class);
    assertThat(tracker.liveCount()).isZero();
  }

  @Test
  void reportsBridgeEnterAndLeaveOncePerBridge() {
    start(CALLER, 6);
    tracker.enteredBridge(CALLER.uniqueId(), "b1", AT);
    tracker.enteredBridge(CALLER.uniqueId(), "b1", AT);
    tracker.leftBridge(CALLER.uniqueId(), "b2", AT);
    tracker.leftBridge(CALLER.uniqueId(), "b1", AT);
    tracker.leftBridge(CALLER.uniqueId(), "b1", AT);

    assertThat(types()).containsExactly(PhoneEvent.CallStarted.class, PhoneEvent.CallBridged.class,
        PhoneEvent.CallLeftBridge.class);
  }

  @Test
  void resyncEndsChannelsMissingFromTheListAndAddsNewOnes() {
    start(CALLER, 6);
    start(AGENT, 6);
    tracker.resyncStarted("r1");
    CallRef newcomer = new CallRef("1.3", "PJSIP/trunk-00000003");
    tracker.listed("r1", AGENT, AGENT.uniqueId(), Optional.empty(), "c", "s", 6, AT);
    tracker.listed("r1", newcomer, newcomer.uniqueId(), Optional.of("+4930"), "c", "s", 6, AT);
    tracker.listComplete("r1", AT);

    assertThat(events.subList(2, events.size())).satisfiesExactlyInAnyOrder(
        event -> assertThat(event).isEqualTo(new PhoneEvent.CallStarted(newcomer, "1.3", Optional.of("+4930"),
            "c", "s", true, PhoneEvent.Origin.RESYNC, AT)),
        event -> assertThat(event).isEqualTo(new PhoneEvent.CallHungUp(CALLER,
            HangupCause.ENDED_WHILE_DISCONNECTED, AT)));
    assertThat(tracker.liveCount()).isEqualTo(2);
  }

  @Test
  void resyncKeepsChannelsSeenAfterItStartedAndIgnoresOtherLists() {
    start(CALLER, 6);
    tracker.resyncStarted("r1");
    tracker.stateChanged(CALLER.uniqueId(), 6, AT);
    CallRef late = new CallRef("1.4", "PJSIP/trunk-00000004");
    start(late, 0);
    tracker.listed("someone-else", AGENT, "1.2", Optional.empty(), "c", "s", 6, AT);
    tracker.listComplete("someone-else", AT);
    tracker.listComplete("r1", AT);

    assertThat(types()).containsExactly(PhoneEvent.CallStarted.class, PhoneEvent.CallStarted.class);
    assertThat(tracker.liveCount()).isEqualTo(2);
  }

  @Test
  void dialEventsNeedAKnownCaller() {
    start(CALLER, 6);
    tracker.dialBegan(CALLER.uniqueId(), AGENT, "1001", AT);
    tracker.dialBegan("7.7", AGENT, "1001", AT);
    tracker.dialEnded(CALLER.uniqueId(), AGENT, "NOANSWER", AT);

    assertThat(events.get(1)).isEqualTo(new PhoneEvent.DialStarted(CALLER, AGENT, "1001", AT));
    assertThat(((PhoneEvent.DialEnded) events.get(2)).answered()).isFalse();
    assertThat(events).hasSize(3);
  }

  private void start(CallRef call, int state) {
    tracker.started(call, call.uniqueId(), Optional.empty(), "from-trunk", "s", state, AT);
  }

  private List<Class<?>> types() {
    return events.stream().<Class<?>>map(Object::getClass).toList();
  }
}
