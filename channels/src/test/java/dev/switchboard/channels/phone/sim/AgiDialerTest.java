package dev.switchboard.channels.phone.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiDialerTest {

  private final Map<String, String> variables = new HashMap<>();
  private final Map<String, String> emitted = new LinkedHashMap<>();

  @Test
  void setsQuotedVariableWithEscapedQuote() {
    String reply = AgiDialer.answer("SET VARIABLE SWITCHBOARD_REASON \"queue \\\"x\\\" unknown\"",
        variables, emitted::put);
    assertThat(reply).isEqualTo("200 result=1");
    assertThat(variables).containsEntry("SWITCHBOARD_REASON", "queue \"x\" unknown");
    assertThat(emitted).containsEntry("SWITCHBOARD_REASON", "queue \"x\" unknown");
  }

  @Test
  void getsVariableBackInParentheses() {
    AgiDialer.answer("SET VARIABLE A \"1\"", variables, emitted::put);
    assertThat(AgiDialer.answer("GET VARIABLE A", variables, emitted::put)).isEqualTo("200 result=1 (1)");
    assertThat(AgiDialer.answer("GET VARIABLE B", variables, emitted::put)).isEqualTo("200 result=0");
  }

  @Test
  void rejectsUnknownCommandsAsAsteriskDoes() {
    assertThat(AgiDialer.answer("FROBNICATE now", variables, emitted::put))
        .isEqualTo("510 Invalid or unknown command");
    assertThat(AgiDialer.answer("", variables, emitted::put)).isEqualTo("510 Invalid or unknown command");
  }

  @Test
  void splitsEmptyQuotedWord() {
    assertThat(AgiCommandWords.split("SET VARIABLE X \"\"")).containsExactly("SET", "VARIABLE", "X", "");
  }
}
