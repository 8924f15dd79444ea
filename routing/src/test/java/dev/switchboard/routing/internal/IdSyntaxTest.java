package dev.switchboard.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.queue.QueueId;
import org.junit.jupiter.api.Test;

/** The hand-written id checks accept exactly what the documented patterns of each id type accept. */
class IdSyntaxTest {

  @Test
  void agentIdsAreOneTo64LettersDigitsAndDotUnderscoreAtDash() {
    IdPatterns.agrees("[A-Za-z0-9._@-]{1,64}", value -> accepts(() -> new AgentId(value)));
    assertThat(AgentId.isValid("ann.lee@example-1_")).isTrue();
    assertThat(AgentId.isValid("-")).isTrue();
    assertThat(AgentId.isValid("a".repeat(65))).isFalse();
  }

  @Test
  void contactIdsAreOneTo64LettersDigitsAndDotUnderscoreDash() {
    IdPatterns.agrees("[A-Za-z0-9._-]{1,64}", value -> accepts(() -> new ContactId(value)));
    assertThat(accepts(() -> new ContactId("m1x-AB.c_d"))).isTrue();
    assertThat(accepts(() -> new ContactId("a@b"))).isFalse();
  }

  @Test
  void customerIdsAreOneTo64LettersDigitsAndDotUnderscoreColonDash() {
    IdPatterns.agrees("[A-Za-z0-9._:-]{1,64}", value -> accepts(() -> new CustomerId(value)));
    assertThat(accepts(() -> new CustomerId("crm:AB-1.x_y"))).isTrue();
    assertThat(accepts(() -> new CustomerId("a b"))).isFalse();
  }

  @Test
  void queueIdsStartWithALowerCaseLetterOrDigitAndAreAtMost32Long() {
    IdPatterns.agrees("[a-z0-9][a-z0-9_-]{0,31}", value -> accepts(() -> new QueueId(value)));
    assertThat(accepts(() -> new QueueId("-support"))).isFalse();
    assertThat(accepts(() -> new QueueId("Support"))).isFalse();
    assertThat(accepts(() -> new QueueId("support_2-b"))).isTrue();
    assertThat(accepts(() -> new QueueId("q".repeat(33)))).isFalse();
  }

  static boolean accepts(Runnable construction) {
    try {
      construction.run();
      return true;
    } catch (IllegalArgumentException refused) {
      return false;
    }
  }
}
