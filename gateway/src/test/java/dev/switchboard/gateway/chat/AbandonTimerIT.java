package dev.switchboard.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.webchat.ChatLimits;
import dev.switchboard.channels.webchat.RedisConversations;
import dev.switchboard.gateway.VisitorClient;
import dev.switchboard.gateway.demo.DemoRouting;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.RedisCustomerDirectory;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production chat routes on a bare HTTP server with a one-second grace for visitors who lose the connection. */
class AbandonTimerIT {

  private final Vertx vertx = Vertx.vertx();
  private final TestRedis.Connected redis = TestRedis.connect(vertx);
  private final StatefulRedisPubSubConnection<String, String> chatEvents = redis.client().connectPubSub();
  private final StatefulRedisPubSubConnection<String, String> routingEvents = redis.client().connectPubSub();
  private final Clock clock = Clock.systemUTC();
  private final RoutingView view = new RoutingView(redis.store(), clock);
  private HttpServer server;

  @BeforeEach
  void startNode() {
    IdentityNormalizer normalizer = new IdentityNormalizer("KR");
    Router router = new Router(vertx, redis.store(), clock, DemoRouting.rules(), RoutingSettings.defaults(),
        ended -> Future.succeededFuture());
    await(router.start());
    VisitorChat chat = new VisitorChat(redis.store(),
        new RedisConversations(redis.store(), chatEvents, clock, ChatLimits.defaults()), router, DemoRouting.rules(),
        view, new RedisCustomerDirectory(redis.store(), normalizer, 50, clock), normalizer, ChatSites.demo(),
        ChatSettings.defaults().withAbandonAfter(Duration.ofSeconds(1)), ChatLimits.defaults(), clock);
    await(chat.start(new EventFeed(vertx, redis.store().keys(), routingEvents)));
    io.vertx.ext.web.Router web = io.vertx.ext.web.Router.router(vertx);
    chat.mount(web);
    server = await(vertx.createHttpServer().requestHandler(web).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    chatEvents.close();
    routingEvents.close();
    redis.close();
  }

  @Test
  void visitorWhoDoesNotComeBackIsAbandonedAndOneWhoResumesIsKept() throws Exception {
    JsonObject kept;
    VisitorClient back = null;
    try (VisitorClient leaving = VisitorClient.connect(vertx, server.actualPort())) {
      leaving.send(start());
      kept = leaving.next("started");
    }
    try {
      back = VisitorClient.connect(vertx, server.actualPort());
      back.send(start().put("resume", new JsonObject().put("conversation", kept.getString("conversation"))
          .put("token", kept.getString("token")).put("lastSeq", 0)));
      back.next("started");
      back.next("queue");
      String gone;
      try (VisitorClient other = VisitorClient.connect(vertx, server.actualPort())) {
        other.send(start());
        gone = other.next("started").getString("conversation");
      }

      awaitState(gone, ContactState.ENDED);
      assertThat(state(kept.getString("conversation"))).isEqualTo(ContactState.QUEUED);
    } finally {
      if (back != null) {
        back.close();
      }
    }
  }

  private void awaitState(String contact, ContactState expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (state(contact) != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("contact " + contact + " is " + state(contact) + ", not " + expected + " after 10 s");
      }
      Thread.onSpinWait();
    }
  }

  private ContactState state(String contact) {
    return await(view.contact(new ContactId(contact))).orElseThrow().state();
  }

  private static JsonObject start() {
    return new JsonObject().put("type", "start").put("queue", "support").put("name", "Mina");
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
