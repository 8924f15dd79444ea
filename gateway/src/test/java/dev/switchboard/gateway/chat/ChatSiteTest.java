package dev.switchboard.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatSiteTest {

  @Test
  void allowsOnlyListedOrigins() {
    ChatSite site = new ChatSite("shop", Set.of("https://shop.example.com"), Optional.empty(), false);

    assertThat(site.allows("https://shop.example.com")).isTrue();
    assertThat(site.allows("https://shop.example.com.evil.io")).isFalse();
    assertThat(site.allows("http://shop.example.com")).isFalse();
  }

  @Test
  void refusesOriginsWithAPathAndBadIds() {
    assertThatThrownBy(() -> new ChatSite("shop", Set.of("https://shop.example.com/"), Optional.empty(), false))
        .hasMessageContaining("scheme://host[:port]");
    assertThatThrownBy(() -> new ChatSite("Shop!", Set.of(), Optional.empty(), false))
        .hasMessageContaining("chat site id 'Shop!'");
  }

  @Test
  void neverShowsTheIdentityKey() {
    ChatSite site = new ChatSite("shop", Set.of(), Optional.of("very-secret-key"), true);

    assertThat(site.toString()).doesNotContain("very-secret-key");
  }

  @Test
  void signsUserIdsWithHmacSha256() {
    // RFC 4231 test case 2
    assertThat(HexFormat.of().formatHex(CustomerMatching.hmac("Jefe", "what do ya want for nothing?")))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}
