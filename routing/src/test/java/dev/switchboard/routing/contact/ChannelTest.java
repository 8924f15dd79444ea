package dev.switchboard.routing.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelTest {

  @Test
  void parsesNamesCaseInsensitivelyAndNamesTheChoicesWhenUnknown() {
    assertThat(Channel.parse(" Chat ")).isEqualTo(Channel.CHAT);
    assertThatThrownBy(() -> Channel.parse("fax"))
        .hasMessage("unknown channel 'fax': use one of voice, chat, email, callback");
  }

  @Test
  void costsDefaultPerChannelAndCanBeConfigured() {
    assertThat(ChannelCosts.defaults().cost(Channel.VOICE)).isEqualTo(100);
    assertThat(ChannelCosts.defaults().cost(Channel.CHAT)).isEqualTo(34);
    assertThat(ChannelCosts.defaults().cost(Channel.EMAIL)).isEqualTo(20);
    assertThat(new ChannelCosts(Map.of(Channel.CHAT, 25)).cost(Channel.CHAT)).isEqualTo(25);
    assertThatThrownBy(() -> new ChannelCosts(Map.of(Channel.EMAIL, 0))).hasMessageContaining("cost of channel EMAIL is 0");
  }

  @Test
  void contactIdsAreCheckedAndRandomOnesAreValidAndDistinct() {
    assertThat(ContactId.random()).isNotEqualTo(ContactId.random());
    assertThatThrownBy(() -> new ContactId("a|b")).hasMessageContaining("contact id 'a|b' is invalid");
  }
}
