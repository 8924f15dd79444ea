package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.redis.RedisStartException;
import dev.switchboard.routing.store.LocalRedisServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RedisOutageIT {

  @Test
  void readinessAndRequestsFollowRedisGoingAwayAndComingBack() throws Exception {
    Path data = Files.createTempDirectory("outage-redis");
    LocalRedisServer redis = LocalRedisServer.startPersistent(data);
    int port = redis.port();
    try (Node node = Node.start(TestNodes.config(redis.uri(), "outage"))) {
      Http http = TestNodes.signedInAdmin(node);
      assertThat(http.get("/ready").statusCode()).isEqualTo(200);

      redis.close();

      HttpResponse<String> notReady = awaitResponse(http, "/ready", r -> r.statusCode() == 503, Duration.ofSeconds(15));
      assertThat(new JsonObject(notReady.body()).getJsonObject("checks").getJsonObject("redis").getString("status"))
          .isEqualTo("DOWN");
      HttpResponse<String> refused = http.get("/api/v1/customers/anyone");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();

      redis = LocalRedisServer.startPersistent(data, port);

      awaitResponse(http, "/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
      assertThat(http.get("/api/v1/customers/anyone").statusCode()).isEqualTo(404);
    } finally {
      redis.close();
    }
  }

  @Test
  void unreachableExternalRedisAtStartUpIsAClearError() {
    int closedPort = TestNodes.freePort();

    assertThatThrownBy(() -> Node.start(TestNodes.config("redis://127.0.0.1:" + closedPort, "nowhere")))
        .isInstanceOf(RedisStartException.class)
        .hasMessageContaining("Cannot connect to Redis at 127.0.0.1:" + closedPort)
        .hasMessageContaining("redis.uri");
  }

  private static HttpResponse<String> awaitResponse(Http http, String path, Predicate<HttpResponse<String>> wanted,
      Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = http.get(path);
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("GET " + path + " did not reach the wanted state within " + within
        + "; last answer " + (last == null ? "none" : last.statusCode() + " " + last.body()));
  }
}
