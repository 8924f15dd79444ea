package dev.switchboard.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.queue.QueueId;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written id checks accept exactly what the documented patterns of each id type accept. */
class IdSyntaxTest {

  private static final String ALPHABET = "azAZ09mM._@-_ /é\u0000:+";

  @Test
  void agentIdsAreOneTo64LettersDigitsAndDotUnderscoreAtDash() {
    agrees("[A-Za-z0-9._@-]{1,64}", value -> accepts(() -> new AgentId(value)));
    assertThat(AgentId.isValid("ann.lee@example-1_")).isTrue();
    assertThat(AgentId.isValid("-")).isTrue();
    assertThat(AgentId.isValid("a".repeat(65))).isFalse();
  }

  @Test
  void contactIdsAreOneTo64LettersDigitsAndDotUnderscoreDash() {
    agrees("[A-Za-z0-9._-]{1,64}", value -> accepts(() -> new ContactId(value)));
    assertThat(accepts(() -> new ContactId("m1x-AB.c_d"))).isTrue();
    assertThat(accepts(() -> new ContactId("a@b"))).isFalse();
  }

  @Test
  void queueIdsStartWithALowerCaseLetterOrDigitAndAreAtMost32Long() {
    agrees("[a-z0-9][a-z0-9_-]{0,31}", value -> accepts(() -> new QueueId(value)));
    assertThat(accepts(() -> new QueueId("-support"))).isFalse();
    assertThat(accepts(() -> new QueueId("Support"))).isFalse();
    assertThat(accepts(() -> new QueueId("support_2-b"))).isTrue();
    assertThat(accepts(() -> new QueueId("q".repeat(33)))).isFalse();
  }

  /** Random strings of 0-70 characters over letters, digits, the punctuation and characters no id allows. */
  private static void agrees(String regex, Predicate<String> check) {
    Pattern pattern = Pattern.compile(regex);
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(4) == 0 ? random.nextInt(71) : random.nextInt(6);
      for (int j = 0; j < length; j++) {
        value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String id = value.toString();
      assertThat(check.test(id)).as("'%s'", id).isEqualTo(pattern.matcher(id).matches());
    }
  }

  private static boolean accepts(Runnable construction) {
    try {
      construction.run();
      return true;
    } catch (IllegalArgumentException refused) {
      return false;
    }
  }
}
