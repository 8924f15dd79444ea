package dev.switchboard.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.store.RedisStore;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisConversationsIT {

  private final Vertx vertx = Vertx.vertx();
  private final TestRedis.Connected redis = TestRedis.connect(vertx);
  private final StatefulRedisPubSubConnection<String, String> pubSub = redis.client().connectPubSub();
  private final RedisConversations conversations =
      new RedisConversations(redis.store(), pubSub, Clock.systemUTC(), ChatLimits.defaults());
  private final ConversationId chat = new ConversationId("chat-1");

  @AfterEach
  void close() throws Exception {
    pubSub.close();
    redis.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void numbersMessagesFromOneWithoutGaps() {
    List<Long> seqs = List.of(post("hello", "a"), post("how can I help?", "b"), post("my order", "c"))
        .stream().map(ChatMessage::seq).toList();

    assertThat(seqs).containsExactly(1L, 2L, 3L);
  }

  @Test
  void returnsExactlyTheMessagesAfterASeq() {
    for (int i = 1; i <= 5; i++) {
      post("message " + i, "m" + i);
    }

    List<ChatMessage> missed = await(conversations.after(chat, 2, 100));
    List<ChatMessage> limited = await(conversations.after(chat, 0, 2));

    assertThat(missed).extracting(ChatMessage::text).containsExactly("message 3", "message 4", "message 5");
    assertThat(limited).extracting(ChatMessage::seq).containsExactly(1L, 2L);
    assertThat(await(conversations.after(chat, 5, 10))).isEmpty();
  }

  @Test
  void storesAResentClientIdOnce() {
    ChatMessage first = await(conversations.post(chat, Sender.VISITOR, "Mina", "hi", Optional.of("c-1")));
    ChatMessage again = await(conversations.post(chat, Sender.VISITOR, "Mina", "hi", Optional.of("c-1")));

    assertThat(again).isEqualTo(first);
    assertThat(await(conversations.after(chat, 0, 10))).hasSize(1);
  }

  @Test
  void keepsTextVerbatim() {
    String markup = "<img src=x onerror=alert(1)> \"quoted\" / 한국어 😀";

    ChatMessage stored = await(conversations.post(chat, Sender.VISITOR, "<b>Mina</b>", markup, Optional.empty()));

    assertThat(stored.text()).isEqualTo(markup);
    assertThat(await(conversations.after(chat, 0, 1)).get(0).text()).isEqualTo(markup);
    assertThat(stored.author()).isEqualTo("<b>Mina</b>");
  }

  @Test
  void endedConversationRejectsPosts() {
    post("bye", "x");
    await(conversations.end(chat, Sender.VISITOR));
    await(conversations.end(chat, Sender.AGENT));

    assertThatThrownBy(() -> post("one more", "y")).hasRootCauseInstanceOf(ConversationEndedException.class);
    assertThat(await(conversations.ended(chat))).isTrue();
    Long ttl = await(redis.store().run(commands -> commands.ttl(redis.store().keys().key("chat", "chat-1", "msgs"))));
    assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofDays(30).toSeconds());
  }

  @Test
  void rejectsTextOverTheLimitAndFullConversations() {
    RedisConversations small = new RedisConversations(redis.store(), pubSub, Clock.systemUTC(),
        new ChatLimits(10, 2, Duration.ofHours(1)));

    assertThatThrownBy(() -> await(small.post(chat, Sender.VISITOR, "Mina", "x".repeat(11), Optional.empty())))
        .hasMessageContaining("limit is 10");
    await(small.post(chat, Sender.VISITOR, "Mina", "one", Optional.empty()));
    await(small.post(chat, Sender.VISITOR, "Mina", "two", Optional.empty()));
    assertThatThrownBy(() -> await(small.post(chat, Sender.VISITOR, "Mina", "three", Optional.empty())))
        .hasMessageContaining("already holds 2 messages");
  }

  @Test
  void eventsReachAListenerOnAnotherConnection() throws InterruptedException {
    RedisClient otherClient = RedisClient.create(TestRedis.uri());
    StatefulRedisConnection<String, String> otherConnection = otherClient.connect();
    StatefulRedisPubSubConnection<String, String> otherPubSub = otherClient.connectPubSub();
    try {
      RedisConversations otherNode = new RedisConversations(
          new RedisStore(vertx, otherConnection, redis.store().keys().center()), otherPubSub, Clock.systemUTC(),
          ChatLimits.defaults());
      LinkedBlockingQueue<ChatEvent> received = new LinkedBlockingQueue<>();
      await(otherNode.listen(received::add));

      ChatMessage posted = post("hello other node", "h");
      await(conversations.typing(chat, Sender.AGENT));
      await(conversations.end(chat, Sender.AGENT));

      assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new ChatEvent.Posted(posted));
      assertThat(received.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(ChatEvent.Typing.class,
          typing -> assertThat(typing.sender()).isEqualTo(Sender.AGENT));
      assertThat(received.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(ChatEvent.Ended.class,
          ended -> assertThat(ended.by()).isEqualTo(Sender.AGENT));
    } finally {
      otherPubSub.close();
      otherConnection.close();
      otherClient.shutdown();
    }
  }

  private ChatMessage post(String text, String clientId) {
    return await(conversations.post(chat, Sender.VISITOR, "Mina", text, Optional.of(clientId)));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
