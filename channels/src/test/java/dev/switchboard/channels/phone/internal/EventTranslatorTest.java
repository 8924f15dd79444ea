package dev.switchboard.channels.phone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.PhoneEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {

  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  private final List<PhoneEvent> events = new ArrayList<>();
  private final EventTranslator translator = new EventTranslator(new ChannelTracker(events::add));

  @Test
  void translatesNewchannelWithUnknownCallerIdAsEmpty() {
    translator.translate(newChannel("1.1", "PJSIP/trunk-00000001", "<unknown>"), AT);

    PhoneEvent.CallStarted started = (PhoneEvent.CallStarted) events.get(0);
    assertThat(started.callerIdNumber()).isEmpty();
    assertThat(started.call().channel()).isEqualTo("PJSIP/trunk-00000001");
    assertThat(started.occurredAt()).isEqualTo(AT);
  }

  @Test
  void translatesHangupCause() {
    translator.translate(newChannel("1.1", "PJSIP/trunk-00000001", "+4930"), AT);
    HangupEvent hangup = new HangupEvent(this);
    hangup.setUniqueId("1.1");
    hangup.setChannel("PJSIP/trunk-00000001");
    hangup.setCause(19);
    hangup.setCauseTxt("User alerting, no answer");
    translator.translate(hangup, AT);

    assertThat(((PhoneEvent.CallHungUp) events.get(1)).cause().text()).isEqualTo("User alerting, no answer");
    assertThat(((PhoneEvent.CallHungUp) events.get(1)).cause().code()).isEqualTo(19);
  }

  @Test
  void ignoresUnregisteredTypesIncludingLegacyCopies() {
    translator.translate(newChannel("1.1", "PJSIP/trunk-00000001", "+4930"), AT);
    DialBeginEvent begin = new DialBeginEvent(this);
    begin.setUniqueId("1.1");
    begin.setChannel("PJSIP/trunk-00000001");
    begin.setDestUniqueId("1.2");
    begin.setDestChannel("PJSIP/1001-00000002");
    translator.translate(new DialEvent(begin), AT);
    translator.translate(new PeerStatusEvent(this), AT);

    assertThat(events).hasSize(1);
  }

  @Test
  void skipsEventsMissingTheirIdsWithoutThrowing() {
    translator.translate(newChannel(null, "PJSIP/trunk-00000001", "+4930"), AT);
    translator.translate(newChannel("1.1", "", "+4930"), AT);

    assertThat(events).isEmpty();
  }

  private NewChannelEvent newChannel(String uniqueId, String channel, String callerId) {
    NewChannelEvent event = new NewChannelEvent(this);
    event.setUniqueId(uniqueId);
    event.setChannel(channel);
    event.setCallerIdNum(callerId);
    event.setChannelState(0);
    event.setContext("from-trunk");
    event.setExten("4930999000");
    event.setLinkedid(uniqueId);
    return event;
  }
}
