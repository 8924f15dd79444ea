package dev.switchboard.gateway.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.OfferExpiredException;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.queue.QueueId;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeskValuesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final AgentId ALICE = new AgentId("alice");

  @Test
  void limiterLetsABurstThroughThenRefillsAtTheSustainedRate() {
    MutableClock clock = new MutableClock();
    FrameLimiter limiter = new FrameLimiter(clock, 5);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryTake()).as("frame %d of the burst", i).isTrue();
    }
    assertThat(limiter.tryTake()).isFalse();
    clock.advance(Duration.ofMillis(200));
    assertThat(limiter.tryTake()).isTrue();
    assertThat(limiter.tryTake()).isFalse();
  }

  @Test
  void offerToTheAgentNeedsAScreenPopOtherChangesDoNot() {
    RoutingEvent offer = change(ContactState.OFFERED, Optional.of(ALICE));
    assertThat(EventFrames.isOfferTo(offer, ALICE)).isTrue();
    assertThat(EventFrames.isOfferTo(offer, new AgentId("bob"))).isFalse();
    assertThat(EventFrames.isOfferTo(change(ContactState.ACTIVE, Optional.of(ALICE)), ALICE)).isFalse();
  }

  @Test
  void contactAndPresenceFramesCarryTheSequenceNumber() {
    JsonObject contact = EventFrames.frame(change(ContactState.ACTIVE, Optional.of(ALICE)));
    assertThat(contact.getString("type")).isEqualTo("contact");
    assertThat(contact.getLong("seq")).isEqualTo(7);
    assertThat(contact.getString("channel")).isEqualTo("chat");
    assertThat(contact.getString("state")).isEqualTo("ACTIVE");

    JsonObject presence = EventFrames.frame(new RoutingEvent.AgentChanged(ALICE, Presence.notReady("missed"),
        "no-answer", NOW, Optional.of(ALICE), 8));
    assertThat(presence.getLong("seq")).isEqualTo(8);
    assertThat(presence.getJsonObject("presence").getString("reason")).isEqualTo("missed");
  }

  @Test
  void matchExplainsHowTheCustomerWasFound() {
    assertThat(ScreenPop.match(Map.of("match", "phone", "matchValue", "+821012345678"), true).getString("explanation"))
        .isEqualTo("Matched on caller number +821012345678");
    assertThat(ScreenPop.match(Map.of(), true).getString("how")).isEqualTo("channel");
    assertThat(ScreenPop.match(Map.of("match", "new", "matchValue", "a@b.kr"), true).getString("explanation"))
        .isEqualTo("New customer created from the chat form a@b.kr (unverified)");
    JsonObject unknown = ScreenPop.match(Map.of("match", "email", "matchValue", "x@y.kr", "ambiguous", "true"), false);
    assertThat(unknown.getBoolean("ambiguous")).isTrue();
    assertThat(unknown.getString("explanation")).isEqualTo("No customer holds the email address x@y.kr");
  }

  @Test
  void commandFailuresGetStableCodesAndSpecificMessages() {
    JsonObject expired = CommandErrors.result(3, new OfferExpiredException("contact c1 is not offered to agent alice any more"));
    assertThat(expired.getBoolean("ok")).isFalse();
    assertThat(expired.getValue("id")).isEqualTo(3);
    assertThat(expired.getString("code")).isEqualTo("offer-expired");
    assertThat(expired.getString("error")).isEqualTo("offer expired: contact c1 is not offered to agent alice any more");
    assertThat(CommandErrors.code(new IllegalStateException("boom"))).isEqualTo("internal");
    assertThat(CommandErrors.result(1, new IllegalStateException("secret detail")).getString("error"))
        .doesNotContain("secret detail");
  }

  @Test
  void fieldsNameWhatIsMissingOrMalformed() {
    Fields fields = new Fields(new JsonObject().put("type", "accept").put("contact", "bad id!").put("after", -1));
    assertThatThrownBy(fields::contact).hasMessageContaining("field 'contact'");
    assertThatThrownBy(() -> fields.text("text", 10)).hasMessage("field 'text' is missing in 'accept'");
    assertThatThrownBy(() -> fields.number("after", 0)).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> new Fields(new JsonObject().put("text", "x".repeat(11))).text("text", 10))
        .hasMessageContaining("at most 10");
  }

  @Test
  void settingsRefuseASilenceLimitNotLongerThanThePing() {
    assertThatThrownBy(() -> DeskSettings.defaults().withHeartbeat(Duration.ofSeconds(10), Duration.ofSeconds(10)))
        .hasMessageContaining("desk.silenceLimit");
    assertThat(DeskSettings.defaults().cannedResponses()).isNotEmpty();
  }

  private static RoutingEvent.ContactChanged change(ContactState state, Optional<AgentId> agent) {
    return new RoutingEvent.ContactChanged(new ContactId("c1"), Optional.of(ContactState.QUEUED), state,
        new QueueId("support"), Channel.CHAT, agent, "offer", Optional.of(NOW.plusSeconds(20)), Optional.empty(),
        Map.of(), NOW, agent, 7);
  }

  private static final class MutableClock extends Clock {
    private Instant now = NOW;

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
