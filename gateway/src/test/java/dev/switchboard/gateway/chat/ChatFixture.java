package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ChatLimits;
import dev.switchboard.channels.webchat.RedisConversations;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
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
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The production chat routes on a bare HTTP server over a real Redis, with settings a test chooses. */
final class ChatFixture implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  private final TestRedis.Connected redis = TestRedis.connect(vertx);
  private final StatefulRedisPubSubConnection<String, String> chatEvents = redis.client().connectPubSub();
  private final StatefulRedisPubSubConnection<String, String> routingEvents = redis.client().connectPubSub();
  private final Clock clock = Clock.systemUTC();
  final RoutingView view = new RoutingView(redis.store(), clock);
  private final HttpServer server;

  ChatFixture(ChatSettings settings) {
    IdentityNormalizer normalizer = new IdentityNormalizer("KR");
    Router router = new Router(vertx, redis.store(), clock, ChatRouting.rules(), RoutingSettings.defaults(),
        ended -> Future.succeededFuture());
    await(router.start());
    // logged in but not ready: visitors wait in the queue instead of being offered the offline form
    await(router.login(AgentProfile.of(new AgentId("standby"), "Standby", Map.of())));
    VisitorChat chat = new VisitorChat(redis.store(),
        new RedisConversations(redis.store(), chatEvents, clock, ChatLimits.defaults()), router, ChatRouting.rules(),
        view, new RedisCustomerDirectory(redis.store(), normalizer, 50, clock), normalizer, ChatSites.from(ChatRouting.chat().sites()),
        settings, ChatLimits.defaults(), clock);
    await(chat.start(new EventFeed(vertx, redis.store().keys(), routingEvents)));
    io.vertx.ext.web.Router web = io.vertx.ext.web.Router.router(vertx);
    chat.mount(web);
    server = await(vertx.createHttpServer().requestHandler(web).listen(0, "127.0.0.1"));
  }

  int port() {
    return server.actualPort();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    chatEvents.close();
    routingEvents.close();
    redis.close();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
