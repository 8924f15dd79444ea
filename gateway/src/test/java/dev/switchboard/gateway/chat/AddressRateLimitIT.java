package dev.switchboard.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.VisitorClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections from one address share its bucket: opening more sockets does not buy more frames. */
class AddressRateLimitIT {

  private final ChatFixture chat = new ChatFixture(new ChatSettings(12_000, new ChatSettings.Rate(100, 50),
      new ChatSettings.Rate(6, 0.01), 20, Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofMinutes(3),
      Duration.ofSeconds(90)));

  @AfterEach
  void stop() throws Exception {
    chat.close();
  }

  @Test
  void secondConnectionFromTheSameAddressSharesTheBudget() throws Exception {
    JsonObject ping = new JsonObject().put("type", "ping");
    try (VisitorClient first = VisitorClient.connect(chat.vertx, chat.port());
        VisitorClient second = VisitorClient.connect(chat.vertx, chat.port())) {
      for (int i = 0; i < 4; i++) {
        first.send(ping);
        first.next("pong");
      }
      second.send(ping);
      second.next("pong");
      second.send(ping);
      second.next("pong");
      second.send(ping);

      JsonObject limited = second.next("error");

      assertThat(limited.getString("code")).isEqualTo("rate-limited");
      assertThat(limited.getString("message")).contains("dropped");
    }
  }
}
