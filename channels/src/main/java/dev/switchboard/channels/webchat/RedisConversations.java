package dev.switchboard.channels.webchat;

import dev.switchboard.routing.store.LuaScript;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Conversations} in Redis: per conversation a meta hash ({@code sb:{c}:chat:<id>:meta}, next seq and
 * end), a message list ({@code ...:msgs}, index = seq - 1) and a clientId index ({@code ...:clients}). A
 * Lua script numbers, stores and publishes each message in one step, so every node sees the same order.
 * Events go over one center channel ({@code sb:{c}:chat:events}) on a dedicated pub/sub connection that
 * the composition root opens and closes.
 *
 * <p>Thread-safe and non-blocking; futures and listeners complete on the calling Vert.x context.
 */
public final class RedisConversations implements Conversations {

  private static final Logger log = LoggerFactory.getLogger(RedisConversations.class);
  private static final LuaScript POST =
      LuaScript.load("/dev/switchboard/channels/webchat/post.lua", ScriptOutputType.MULTI);
  private static final LuaScript END =
      LuaScript.load("/dev/switchboard/channels/webchat/end.lua", ScriptOutputType.INTEGER);

  private final RedisStore store;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final Clock clock;
  private final ChatLimits limits;
  private final String channel;

  public RedisConversations(RedisStore store, StatefulRedisPubSubConnection<String, String> pubSub, Clock clock,
      ChatLimits limits) {
    this.store = Objects.requireNonNull(store, "store");
    this.pubSub = Objects.requireNonNull(pubSub, "pubSub");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.channel = store.keys().key("chat", "events");
  }

  public ChatLimits limits() {
    return limits;
  }

  @Override
  public Future<ChatMessage> post(ConversationId conversation, Sender sender, String author, String text,
      Optional<String> clientId) {
    try {
      Objects.requireNonNull(conversation, "conversation");
      Objects.requireNonNull(sender, "sender");
      limits.check(conversation, Objects.requireNonNull(author, "author"), Objects.requireNonNull(text, "text"),
          Objects.requireNonNull(clientId, "clientId"));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Future.failedFuture(e);
    }
    return store.<List<Object>>eval(POST, keys(conversation), conversation.value(), sender.name(), author, text,
            Long.toString(clock.millis()), clientId.orElse(""), Integer.toString(limits.maxMessages()),
            Long.toString(limits.retention().toSeconds()), channel)
        .compose(reply -> switch (String.valueOf(reply.get(0))) {
          case "ok", "dup" -> Future.succeededFuture(ChatEventCodec.message(conversation, (String) reply.get(1)));
          case "ended" -> Future.failedFuture(new ConversationEndedException(conversation));
          case "full" -> Future.failedFuture(new IllegalArgumentException("conversation " + conversation
              + " already holds " + limits.maxMessages() + " messages: end it and start a new chat"));
          default -> Future.failedFuture(new IllegalStateException("unexpected reply " + reply + " from " + POST.name()));
        });
  }

  @Override
  public Future<List<ChatMessage>> after(ConversationId conversation, long seq, int limit) {
    if (seq < 0 || limit < 1) {
      return Future.failedFuture(new IllegalArgumentException("messages after seq " + seq + " (limit " + limit
          + ") of conversation " + conversation + ": seq must be 0 or more and limit at least 1"));
    }
    return store.run(redis -> redis.lrange(key(conversation, "msgs"), seq, seq + limit - 1))
        .map(list -> list.stream().map(json -> ChatEventCodec.message(conversation, json)).toList());
  }

  @Override
  public Future<Void> typing(ConversationId conversation, Sender sender) {
    String event = ChatEventCodec.typing(new ChatEvent.Typing(conversation, sender, clock.instant()));
    return store.run(redis -> redis.publish(channel, event)).mapEmpty();
  }

  @Override
  public Future<Void> end(ConversationId conversation, Sender by) {
    return store.<Long>eval(END, keys(conversation), conversation.value(), by.name(), Long.toString(clock.millis()),
        Long.toString(limits.retention().toSeconds()), channel).mapEmpty();
  }

  /** Whether the conversation has ended (unknown conversations have not). */
  public Future<Boolean> ended(ConversationId conversation) {
    return store.run(redis -> redis.hexists(key(conversation, "meta"), "ended"));
  }

  @Override
  public Future<Void> listen(Consumer<ChatEvent> handler) {
    Context context = store.vertx().getOrCreateContext();
    pubSub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        if (channel.equals(from)) {
          context.runOnContext(ignored -> deliver(handler, message));
        }
      }
    });
    return Future.fromCompletionStage(pubSub.async().subscribe(channel), context).mapEmpty();
  }

  private void deliver(Consumer<ChatEvent> handler, String message) {
    ChatEvent event;
    try {
      event = ChatEventCodec.event(message);
    } catch (RuntimeException e) {
      log.warn("[channel={}] skipped an undecodable chat event: {}", channel, e.getMessage());
      return;
    }
    handler.accept(event);
  }

  private String[] keys(ConversationId conversation) {
    return new String[] {key(conversation, "meta"), key(conversation, "msgs"), key(conversation, "clients")};
  }

  private String key(ConversationId conversation, String part) {
    return store.keys().key("chat", conversation.value(), part);
  }
}
