package dev.switchboard.channels.phone.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.IncomingCall;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.Identities;
import dev.switchboard.routing.queue.QueueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallValuesTest {

  private static final QueueId SUPPORT = new QueueId("support");
  private static final ContactId CONTACT = new ContactId("c-1");

  private static IncomingCall call(Optional<String> callerId, String raw) {
    return new IncomingCall(new CallRef("1700000000.7", "PJSIP/trunk-00000007"), callerId, raw, "support",
        Instant.parse("2026-03-02T10:00:00Z"));
  }

  private static Customer customer(String id, Optional<String> owner) {
    return new Customer(new CustomerId(id), "Customer " + id, "gold", BigDecimal.ONE, List.of(), Optional.empty(),
        owner, "", Map.of(), new Identities(List.of("+4930123456"), List.of(), List.of(), Optional.empty()),
        Instant.EPOCH);
  }

  @Test
  void oneMatchingCustomerBecomesTheContactsCustomerWithItsOwnerPreferred() {
    ContactRequest request = RoutedCallIntake.request(CONTACT, SUPPORT, call(Optional.of("+4930123456"), "030123456"),
        List.of(customer("c-7", Optional.of("ann"))));
    assertThat(request.channel()).isEqualTo(Channel.VOICE);
    assertThat(request.customer()).contains(new CustomerId("c-7"));
    assertThat(request.preferredAgent()).contains(new AgentId("ann"));
    assertThat(request.attributes()).containsEntry("match", "phone").containsEntry("matchValue", "+4930123456")
        .containsEntry("callerId", "030123456").containsEntry("channel", "PJSIP/trunk-00000007")
        .containsEntry("uniqueid", "1700000000.7").containsEntry("tier", "gold").doesNotContainKey("ambiguous");
  }

  @Test
  void severalMatchesGiveNoCustomerButThePickListNumber() {
    ContactRequest request = RoutedCallIntake.request(CONTACT, SUPPORT, call(Optional.of("+4930123456"), "+4930123456"),
        List.of(customer("c-1", Optional.of("ann")), customer("c-2", Optional.empty())));
    assertThat(request.customer()).isEmpty();
    assertThat(request.preferredAgent()).isEmpty();
    assertThat(request.attributes()).containsEntry("match", "phone").containsEntry("ambiguous", "true")
        .containsEntry("matchValue", "+4930123456").doesNotContainKey("tier");
  }

  @Test
  void aWithheldCallerIsUnknownWithoutMatchValue() {
    ContactRequest request = RoutedCallIntake.request(CONTACT, SUPPORT, call(Optional.empty(), "anonymous"), List.of());
    assertThat(request.customer()).isEmpty();
    assertThat(request.attributes()).containsEntry("match", "none").containsEntry("callerId", "anonymous")
        .doesNotContainKey("matchValue");
  }

  @Test
  void anAccountOwnerThatIsNoAgentIdIsNotPreferred() {
    ContactRequest request = RoutedCallIntake.request(CONTACT, SUPPORT, call(Optional.of("+4930123456"), "x"),
        List.of(customer("c-1", Optional.of("not an id!"))));
    assertThat(request.customer()).contains(new CustomerId("c-1"));
    assertThat(request.preferredAgent()).isEmpty();
  }

  @Test
  void theConnectContextDialsTheDevicesResource() {
    assertThat(CallFlow.exten("PJSIP/1001")).isEqualTo("1001");
    assertThat(CallFlow.exten("SIP/agent-7")).isEqualTo("agent-7");
    assertThat(CallFlow.exten("1001")).isEqualTo("1001");
  }

  @Test
  void settingsAndTargetsRefuseBadValuesNamingTheKey() {
    assertThatThrownBy(() -> PhoneCallSettings.defaults().withRingGrace(Duration.ZERO))
        .hasMessageContaining("phone.calls.ring-grace");
    assertThatThrownBy(() -> new PhoneCallSettings("switchboard holding", "c", "d", Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("phone.calls.holding-context");
    assertThatThrownBy(() -> new TransferTarget.ToNumber("0301234")).hasMessageContaining("E.164");
    assertThat(new TransferTarget.ToNumber("+49301234").number()).isEqualTo("+49301234");
  }

  @Test
  void anOriginatedChannelIsClaimedByTheFirstOriginateWaitingForItsDevice() {
    CallBook book = new CallBook();
    List<CallRef> first = new java.util.ArrayList<>();
    List<CallRef> second = new java.util.ArrayList<>();
    book.expectOriginate("PJSIP/1001", first::add);
    book.expectOriginate("PJSIP/1001", second::add);

    assertThat(book.claimOriginated(new CallRef("1.1", "PJSIP/1002-00000001"))).isFalse();
    assertThat(book.claimOriginated(new CallRef("1.2", "PJSIP/1001-00000002"))).isTrue();
    assertThat(book.claimOriginated(new CallRef("1.3", "PJSIP/1001-00000003"))).isTrue();
    assertThat(book.claimOriginated(new CallRef("1.4", "PJSIP/1001-00000004"))).isFalse();
    assertThat(first).extracting(CallRef::uniqueId).containsExactly("1.2");
    assertThat(second).extracting(CallRef::uniqueId).containsExactly("1.3");
  }
}
