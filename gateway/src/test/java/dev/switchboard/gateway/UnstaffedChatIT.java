package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.chat.ChatRouting;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new visitor is offered the offline form when no agent who could take the chat is logged in. */
class UnstaffedChatIT {

  private static final QueueId SUPPORT = new QueueId("support");

  private final Vertx vertx = Vertx.vertx();
  private Node node;

  @BeforeEach
  void start() {
    node = Node.start(TestNodes.config(TestRedis.uri(), TestRedis.freshCenter()).withChat(ChatRouting.chat()), ChatRouting.configured(),
        DeskSettings.defaults(), Optional.empty());
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void withNobodyLoggedInTheVisitorGetsTheOfflineFormAndNoContactWaits() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));
      JsonObject offline = visitor.next("offline");
      visitor.send(new JsonObject().put("type", "leave-message").put("name", "Mina").put("email", "mina@example.com")
          .put("text", "Is my order shipped?"));
      visitor.next("message-left");

      assertThat(offline.getString("reason")).isEqualTo("no-agents");
      assertThat(offline.getJsonArray("options").getList()).containsExactly("message", "callback");
      assertThat(visitor.seen("started")).isEmpty();
      assertThat(await(node.routingView().waiting(SUPPORT))).isEmpty();
    }
  }

  @Test
  void anAgentLoggedInButNotReadyIsEnoughToWait() throws Exception {
    await(node.router().login(AgentProfile.of(new AgentId("mina"), "Mina", Map.of())));
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));

      visitor.next("started");
      assertThat(visitor.next("queue").getInteger("position")).isEqualTo(1);
      assertThat(visitor.seen("offline")).isEmpty();
      assertThat(await(node.routingView().waiting(SUPPORT))).hasSize(1);
    }
  }

  @Test
  void afterTheLastAgentLogsOutNewVisitorsAreOfferedTheForm() throws Exception {
    AgentId agent = new AgentId("leaving");
    await(node.router().login(AgentProfile.of(agent, "Leaving", Map.of())));
    await(node.router().setPresence(agent, Presence.notReady("lunch")));
    await(node.router().logout(agent));
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));

      assertThat(visitor.next("offline").getString("reason")).isEqualTo("no-agents");
    }
  }

  @Test
  void anAgentWhoDoesNotTakeChatsDoesNotCount() throws Exception {
    await(node.router().login(AgentProfile.of(new AgentId("phone-only"), "Phone only", Map.of())
        .withChannels(EnumSet.of(Channel.VOICE))));
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("sales"));

      assertThat(visitor.next("offline").getString("reason")).isEqualTo("no-agents");
    }
  }

  private static JsonObject start(String queue) {
    return new JsonObject().put("type", "start").put("queue", queue).put("name", "Mina");
  }

  private static <T> T await(Future<T> future) {
    return Node.await(future, "finish a test step");
  }
}
