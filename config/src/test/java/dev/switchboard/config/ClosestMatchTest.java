package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestMatchTest {

  private static final List<String> KEYS = List.of("server", "server.port", "server.host", "server.body-limit", "redis.uri");

  @Test
  void countsSwapsOfNeighboursOnce() {
    assertThat(ClosestMatch.distance("prot", "port")).isEqualTo(1);
    assertThat(ClosestMatch.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(ClosestMatch.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void suggestsNearbyNames() {
    assertThat(ClosestMatch.among("server.prot", KEYS)).contains("server.port");
    assertThat(ClosestMatch.among("server.bodylimit", KEYS)).contains("server.body-limit");
    assertThat(ClosestMatch.among("SERVER.HOTS", KEYS)).contains("server.host");
  }

  @Test
  void suggestsTheKeyWhoseSectionWasLeftOut() {
    assertThat(ClosestMatch.among("port", KEYS)).contains("server.port");
  }

  @Test
  void staysSilentWhenNothingIsClose() {
    assertThat(ClosestMatch.among("redis.port", KEYS)).isEmpty();
    assertThat(ClosestMatch.among("metrics", KEYS)).isEmpty();
  }
}
