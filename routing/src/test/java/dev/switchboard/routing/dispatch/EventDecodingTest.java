package dev.switchboard.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.ContactState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventDecodingTest {

  @Test
  void decodesAnOfferWithItsScreenPopFacts() {
    RoutingEvent event = EventDecoding.decode("{\"type\":\"contact\",\"contact\":\"c1\",\"from\":\"QUEUED\","
        + "\"state\":\"OFFERED\",\"queue\":\"sales\",\"channel\":\"CHAT\",\"agent\":\"ann\",\"why\":\"offer\","
        + "\"deadline\":1772445620000,\"customer\":\"cust-1\",\"attributes\":{\"tier\":\"gold\"},"
        + "\"at\":1772445600000,\"to\":\"ann\",\"seq\":7}");
    assertThat(event).isInstanceOfSatisfying(RoutingEvent.ContactChanged.class, offer -> {
      assertThat(offer.from()).contains(ContactState.QUEUED);
      assertThat(offer.state()).isEqualTo(ContactState.OFFERED);
      assertThat(offer.deadline()).contains(Instant.ofEpochMilli(1772445620000L));
      assertThat(offer.attributes()).containsEntry("tier", "gold");
      assertThat(offer.recipient()).contains(new AgentId("ann"));
      assertThat(offer.seq()).isEqualTo(7);
    });
  }

  @Test
  void decodesAMissedAgentAndAnEmptyAttributeTable() {
    RoutingEvent agent = EventDecoding.decode("{\"type\":\"agent\",\"agent\":\"ann\",\"state\":\"NOT_READY\","
        + "\"reason\":\"missed\",\"why\":\"no-answer\",\"at\":1,\"to\":\"ann\",\"seq\":2}");
    assertThat(agent).isInstanceOfSatisfying(RoutingEvent.AgentChanged.class,
        changed -> assertThat(changed.presence()).isEqualTo(Presence.notReady("missed")));
    RoutingEvent queued = EventDecoding.decode("{\"type\":\"contact\",\"contact\":\"c1\",\"from\":\"NEW\","
        + "\"state\":\"QUEUED\",\"queue\":\"sales\",\"channel\":\"VOICE\",\"why\":\"enqueue\",\"at\":1}");
    assertThat(queued).isInstanceOfSatisfying(RoutingEvent.ContactChanged.class, changed -> {
      assertThat(changed.from()).isEmpty();
      assertThat(changed.recipient()).isEmpty();
      assertThat(changed.seq()).isZero();
    });
  }
}
