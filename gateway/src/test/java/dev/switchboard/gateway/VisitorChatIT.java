package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.webchat.ChatLimits;
import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.channels.webchat.RedisConversations;
import dev.switchboard.channels.webchat.Sender;
import dev.switchboard.gateway.chat.ChatRouting;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.store.RedisStore;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The visitor WebSocket of a real node on a real Redis, driven by a real WebSocket client. */
class VisitorChatIT {

  private final Vertx vertx = Vertx.vertx();
  private final String center = TestRedis.freshCenter();
  private Node node;
  private RedisClient redisClient;
  private StatefulRedisConnection<String, String> connection;
  private StatefulRedisPubSubConnection<String, String> pubSub;
  private RedisStore store;
  private RedisConversations agentSide;

  @BeforeEach
  void start() {
    node = Node.start(TestNodes.config(TestRedis.uri(), center).withChat(ChatRouting.chat()), ChatRouting.configured(),
        dev.switchboard.gateway.agent.DeskSettings.defaults(), java.util.Optional.empty());
    // logged in but not ready: visitors wait in the queue instead of being offered the offline form
    await(node.router().login(AgentProfile.of(new AgentId("standby"), "Standby", Map.of())));
    redisClient = RedisClient.create(TestRedis.uri());
    connection = redisClient.connect();
    pubSub = redisClient.connectPubSub();
    store = new RedisStore(vertx, connection, center);
    agentSide = new RedisConversations(store, pubSub, Clock.systemUTC(), ChatLimits.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
    pubSub.close();
    connection.close();
    redisClient.shutdown();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void startedVisitorIsQueuedAsANewUnverifiedCustomerAndToldItsPosition() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support").put("email", "mina.new@example.com"));

      JsonObject started = visitor.next("started");
      JsonObject queue = visitor.next("queue");

      assertThat(started.getString("token")).hasSizeGreaterThan(20);
      assertThat(started.getLong("seq")).isZero();
      assertThat(queue.getInteger("position")).isEqualTo(1);
      assertThat(queue.getLong("estimatedWaitSeconds")).isEqualTo(180);
      var contact = await(new RoutingView(store, Clock.systemUTC()).contact(new ContactId(started.getString("conversation"))))
          .orElseThrow();
      assertThat(contact.state()).isEqualTo(ContactState.QUEUED);
      var customer = await(node.directory().get(contact.customer().orElseThrow())).orElseThrow();
      assertThat(customer.tags()).contains("unverified");
      assertThat(customer.identities().emails()).containsExactly("mina.new@example.com");
    }
  }

  @Test
  void knownEmailMatchesTheExistingCustomerAndAWrongSignatureIsRefused() throws Exception {
    try (VisitorClient first = VisitorClient.connect(vertx, node.port());
        VisitorClient second = VisitorClient.connect(vertx, node.port());
        VisitorClient forged = VisitorClient.connect(vertx, node.port())) {
      first.send(start("support").put("email", "Repeat@Example.com"));
      CustomerId created = customerOf(first.next("started"));
      second.send(start("support").put("email", "repeat@example.com"));
      assertThat(customerOf(second.next("started"))).isEqualTo(created);

      forged.send(start("support").put("identity", new JsonObject().put("userId", "u-1").put("signature", "00ff")));
      assertThat(forged.next("error").getString("code")).isEqualTo("bad-identity");
    }
  }

  @Test
  void signedIdentityIsVerifiedAndRecorded() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support").put("identity", new JsonObject().put("userId", "shop-user-7")
          .put("signature", sign("shop-user-7"))));

      CustomerId customer = customerOf(visitor.next("started"));

      var record = await(node.directory().get(customer)).orElseThrow();
      assertThat(record.identities().visitorIds()).containsExactly("shop-user-7");
      assertThat(record.tags()).doesNotContain("unverified");
    }
  }

  @Test
  void agentAcceptingIsAnnouncedAndMessagesFlowBothWays() throws Exception {
    Router router = new Router(vertx, store, Clock.systemUTC(), ChatRouting.rules(), RoutingSettings.defaults(),
        ended -> Future.succeededFuture());
    await(router.start());
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));
      ContactId contact = new ContactId(visitor.next("started").getString("conversation"));
      AgentId agent = new AgentId("jisoo");
      await(router.login(AgentProfile.of(agent, "Jisoo Park", Map.of())));
      await(router.setPresence(agent, Presence.ready()));
      await(router.accept(contact, agent));

      assertThat(visitor.next("agent").getString("name")).isEqualTo("Jisoo Park");
      await(agentSide.post(new ConversationId(contact.value()), Sender.AGENT, "Jisoo Park", "How can I help?",
          Optional.empty()));
      JsonObject fromAgent = visitor.next("message");
      assertThat(fromAgent.getString("sender")).isEqualTo("agent");
      assertThat(fromAgent.getString("text")).isEqualTo("How can I help?");
      await(agentSide.end(new ConversationId(contact.value()), Sender.AGENT));
      assertThat(visitor.next("ended").getString("by")).isEqualTo("agent");
    } finally {
      await(router.stop());
    }
  }

  @Test
  void resumingWithLastSeqDeliversExactlyTheMissingMessagesThenLiveOnes() throws Exception {
    JsonObject started;
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));
      started = visitor.next("started");
      visitor.send(send("first", "c1"));
      visitor.next("ack");
      visitor.send(send("second", "c2"));
      visitor.next("ack");
    }
    ConversationId conversation = new ConversationId(started.getString("conversation"));
    await(agentSide.post(conversation, Sender.AGENT, "Jisoo", "while you were away", Optional.empty()));

    try (VisitorClient again = VisitorClient.connect(vertx, node.port())) {
      again.send(new JsonObject().put("type", "start").put("queue", "support").put("resume", new JsonObject()
          .put("conversation", conversation.value()).put("token", started.getString("token")).put("lastSeq", 1)));
      again.next("started");
      List<String> replayed = List.of(again.next("message").getString("text"), again.next("message").getString("text"));
      await(agentSide.post(conversation, Sender.AGENT, "Jisoo", "live again", Optional.empty()));
      JsonObject live = again.next("message");

      assertThat(replayed).containsExactly("second", "while you were away");
      assertThat(live.getLong("seq")).isEqualTo(4);
      assertThat(again.seen("message")).extracting(frame -> frame.getLong("seq")).containsExactly(2L, 3L, 4L);
    }
  }

  @Test
  void resumeWithAWrongTokenIsRefused() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port());
        VisitorClient thief = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));
      String conversation = visitor.next("started").getString("conversation");

      thief.send(new JsonObject().put("type", "start").put("queue", "support").put("resume", new JsonObject()
          .put("conversation", conversation).put("token", "guessed-token-value").put("lastSeq", 0)));

      assertThat(thief.next("error").getString("code")).isEqualTo("bad-resume");
    }
  }

  @Test
  void resentClientIdIsStoredOnceAndAcknowledgedWithTheSameSeq() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));
      ConversationId conversation = new ConversationId(visitor.next("started").getString("conversation"));
      visitor.send(send("only once", "dup-1"));
      long first = visitor.next("ack").getLong("seq");
      visitor.send(send("only once", "dup-1"));
      long second = visitor.next("ack").getLong("seq");
      visitor.send(send("next", "dup-2"));
      visitor.next("ack");

      assertThat(second).isEqualTo(first);
      assertThat(await(agentSide.after(conversation, 0, 10))).extracting(m -> m.text()).containsExactly("only once", "next");
    }
  }

  @Test
  void markupIsStoredAndEchoedVerbatimAsText() throws Exception {
    String markup = "<img src=x onerror=alert(1)>";
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support").put("name", "<b>Mina</b>"));
      ConversationId conversation = new ConversationId(visitor.next("started").getString("conversation"));
      visitor.send(send(markup, "x1"));

      JsonObject echoed = visitor.next("message");

      assertThat(echoed.getString("text")).isEqualTo(markup);
      assertThat(echoed.getString("author")).isEqualTo("<b>Mina</b>");
      assertThat(await(agentSide.after(conversation, 0, 1)).get(0).text()).isEqualTo(markup);
    }
  }

  @Test
  void originNotAllowedOrUnknownSiteIsRefusedAtUpgrade() {
    assertThatThrownBy(() -> VisitorClient.connect(vertx, VisitorClient.options(node.port(), "demo",
        "https://evil.example"))).isInstanceOfSatisfying(UpgradeRejectedException.class,
            rejected -> assertThat(rejected.getStatus()).isEqualTo(403));
    assertThatThrownBy(() -> VisitorClient.connect(vertx, VisitorClient.options(node.port(), "demo", null)))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, rejected -> assertThat(rejected.getStatus()).isEqualTo(403));
    assertThatThrownBy(() -> VisitorClient.connect(vertx, VisitorClient.options(node.port(), "nosuch",
        "http://127.0.0.1:" + node.port()))).isInstanceOfSatisfying(UpgradeRejectedException.class,
            rejected -> assertThat(rejected.getStatus()).isEqualTo(404));
  }

  @Test
  void oversizedTextAndFramesAreRejectedWithAClearError() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support"));
      visitor.next("started");

      visitor.send(send("x".repeat(ChatLimits.MAX_TEXT + 1), "long"));
      JsonObject tooLong = visitor.next("error");
      visitor.sendRaw("{\"type\":\"send\",\"text\":\"" + "y".repeat(20_000) + "\"}");
      JsonObject tooLarge = visitor.next("error");

      assertThat(tooLong.getString("code")).isEqualTo("too-long");
      assertThat(tooLong.getString("message")).contains("2001").contains("2000");
      assertThat(tooLarge.getString("code")).isEqualTo("too-large");
    }
  }

  @Test
  void framesOverTheRateAreDroppedAndASustainedFloodIsClosed() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      for (int i = 0; i < 60; i++) {
        visitor.fire("{\"type\":\"ping\"}");
      }

      JsonObject limited = visitor.next("error");
      Short status = visitor.closed.get(10, TimeUnit.SECONDS);

      assertThat(limited.getString("code")).isEqualTo("rate-limited");
      assertThat(status).isEqualTo((short) 1008);
      assertThat(visitor.seen("pong").size()).isLessThanOrEqualTo(12);
    }
  }

  @Test
  void closedQueueOffersMessageOrCallbackAndStoresThem() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("after-hours").put("email", "late@example.com"));
      JsonObject offline = visitor.next("offline");
      visitor.send(new JsonObject().put("type", "leave-message").put("name", "Mina").put("email", "late@example.com")
          .put("text", "Please call me about order 42"));
      visitor.next("message-left");
      visitor.send(new JsonObject().put("type", "callback").put("phone", "12"));
      JsonObject invalid = visitor.next("error");
      visitor.send(new JsonObject().put("type", "callback").put("phone", "010-1234-5678"));
      JsonObject requested = visitor.next("callback-requested");
      visitor.send(new JsonObject().put("type", "callback").put("phone", "+82 10 1234 5678"));
      JsonObject pending = visitor.next("error");

      assertThat(offline.getJsonArray("options").getList()).containsExactly("message", "callback");
      assertThat(invalid.getString("code")).isEqualTo("invalid-phone");
      assertThat(requested.getString("phone")).isEqualTo("+821012345678");
      assertThat(pending.getString("code")).isEqualTo("callback-pending");
      List<String> inbound = await(store.run(redis -> redis.lrange(store.keys().key("email", "inbound-pending"), 0, -1)));
      assertThat(inbound).hasSize(1);
      assertThat(new JsonObject(inbound.get(0)).getString("text")).isEqualTo("Please call me about order 42");
      assertThat(this.<Long>await(store.run(redis -> redis.llen(store.keys().key("callback", "requests"))))).isEqualTo(1L);
    }
  }

  @Test
  void visitorEndingWhileQueuedAbandonsAndALowRatingOpensRecovery() throws Exception {
    try (VisitorClient visitor = VisitorClient.connect(vertx, node.port())) {
      visitor.send(start("support").put("email", "angry@example.com"));
      JsonObject started = visitor.next("started");
      visitor.send(new JsonObject().put("type", "end"));
      visitor.next("ended");
      visitor.send(new JsonObject().put("type", "survey").put("rating", 1).put("comment", "waited forever"));
      JsonObject recorded = visitor.next("survey-recorded");
      visitor.send(new JsonObject().put("type", "transcript").put("email", "Angry@Example.com"));
      visitor.next("transcript-queued");

      assertThat(recorded.getBoolean("recovery")).isTrue();
      var contact = await(new RoutingView(store, Clock.systemUTC()).contact(new ContactId(started.getString("conversation"))));
      assertThat(contact.orElseThrow().state()).isEqualTo(ContactState.ENDED);
      assertThat(this.<Long>await(store.run(redis -> redis.llen(store.keys().key("recovery"))))).isEqualTo(1L);
      CustomerId customer = contact.get().customer().orElseThrow();
      var timeline = await(node.directory().timeline(customer, Optional.empty(), 10));
      assertThat(timeline.entries()).extracting(entry -> entry.kind()).contains("survey", "recovery");
      List<String> transcripts = await(store.run(redis -> redis.lrange(store.keys().key("email", "transcripts"), 0, -1)));
      assertThat(transcripts).singleElement().satisfies(json -> assertThat(new JsonObject(json).getString("email"))
          .isEqualTo("angry@example.com"));
    }
  }

  private CustomerId customerOf(JsonObject started) {
    return await(new RoutingView(store, Clock.systemUTC()).contact(new ContactId(started.getString("conversation"))))
        .orElseThrow().customer().orElseThrow();
  }

  private static JsonObject start(String queue) {
    return new JsonObject().put("type", "start").put("queue", queue).put("name", "Mina");
  }

  private static JsonObject send(String text, String clientId) {
    return new JsonObject().put("type", "send").put("text", text).put("clientId", clientId);
  }

  private static String sign(String userId) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(ChatRouting.IDENTITY_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private <T> T await(Future<T> future) {
    return Node.await(future, "finish a test step");
  }
}
