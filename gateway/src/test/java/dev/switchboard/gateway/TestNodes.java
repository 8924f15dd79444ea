package dev.switchboard.gateway;

import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.Role;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configurations for nodes under test (loopback, a free port, an external Redis URI) and a signed-in admin. */
final class TestNodes {

  private TestNodes() {}

  static SwitchboardConfig config(String redisUri, String center) {
    return new SwitchboardConfig(
        new ServerSettings("127.0.0.1", freePort(), 64 * 1024, 8 * 1024 * 1024, Duration.ofSeconds(1)),
        new RedisSettings(Optional.of(redisUri), Optional.empty(), center, Path.of("target/unused-data"),
            Duration.ofSeconds(2), Duration.ofSeconds(3)),
        new DirectorySettings("KR", 50),
        Optional.empty());
  }

  /** Ensures an admin account with a known password and returns a client signed in as it. */
  static Http signedInAdmin(Node node) {
    String password = "test-admin-password";
    Node.await(node.accounts().ensure(new AccountId("test-admin"), "Test admin", Role.ADMIN, password),
        "ensure the test admin");
    Http http = new Http(node.port());
    var response = http.post("/api/v1/sessions", "application/json",
        new JsonObject().put("account", "test-admin").put("password", password).encode());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Test admin could not sign in: " + response.statusCode() + " " + response.body());
    }
    return http.withToken(new JsonObject(response.body()).getString("token"));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
