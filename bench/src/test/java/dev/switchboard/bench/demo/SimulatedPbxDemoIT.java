package dev.switchboard.bench.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.AgentSnapshot;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's simulated PBX against a real node and Redis: calls arrive on their own, the phone line is
 * labelled, and an offer accepted the way the desktop accepts it gets the agent's simulated phone to answer.
 */
class SimulatedPbxDemoIT {

  @TempDir
  Path dir;

  @Test
  void placesCallsAndTheAgentsPhoneAnswersWhenTheOfferIsAccepted() throws IOException {
    Path file = Files.writeString(dir.resolve("demo.yaml"), """
        server: {host: 127.0.0.1, port: %d}
        redis: {uri: "%s", center: %s}
        queues:
          - {id: support, channels: [voice]}
          - {id: billing, channels: [voice]}
        agents:
          - {id: agent-1, channels: [voice], phone-device: PJSIP/1001}
        """.formatted(freePort(), TestRedis.uri(), TestRedis.freshCenter()));
    SimulatedPbxDemo demo = new SimulatedPbxDemo(Duration.ofMillis(500));
    SwitchboardConfig config = demo.configure(ConfigLoader.load(Optional.of(file), Map.of()));
    assertThat(config.phone()).isPresent();
    assertThat(demo.desk(DeskSettings.defaults()).phoneLabel()).contains("simulated PBX");

    try (Node node = Node.start(config, ConfiguredRouting.from(config), demo.desk(DeskSettings.defaults()),
        Optional.empty())) {
      demo.started(node, new PrintStream(OutputStream.nullOutputStream()));
      AgentId agent = new AgentId("agent-1");
      await(node.router().login(AgentProfile.of(agent, "Agent 1", Map.of()).withPhoneDevice("PJSIP/1001")));
      await(node.router().setPresence(agent, Presence.ready()));

      ContactId[] offered = new ContactId[1];
      eventually(() -> {
        AgentSnapshot snapshot = await(node.routingView().agent(agent)).orElseThrow();
        offered[0] = snapshot.contacts().stream().findFirst().orElse(null);
        return offered[0] != null;
      }, "a simulated call offered to agent-1");
      assertThat(demo.connectedCalls()).isZero();

      await(node.router().accept(offered[0], agent));
      eventually(() -> demo.connectedCalls() == 1, "agent-1's simulated phone answering");
      assertThat(await(node.routingView().contact(offered[0])).orElseThrow().state()).isEqualTo(ContactState.ACTIVE);
    } finally {
      demo.close();
    }
  }

  private static void eventually(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within 20 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer within 10 s: " + e, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
