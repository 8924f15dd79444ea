package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ChatEvent;
import dev.switchboard.channels.webchat.ChatMessage;
import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.channels.webchat.Sender;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import dev.switchboard.routing.dispatch.EnqueueResult;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.store.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visitor protocol of one connection: start or resume, messages both ways without loss or duplicates, queue
 * position while waiting, the agent's arrival, the end, the survey and the offline requests. Confined to the
 * connection's event loop; it is the connection's {@link ChatHub.Link}.
 */
final class VisitorConversation implements ChatHub.Link {

  private static final Logger log = LoggerFactory.getLogger(VisitorConversation.class);

  private enum Phase { NEW, STARTING, WAITING, ACTIVE, OFFLINE, ENDED }

  private final VisitorChat chat;
  private final ChatSite site;
  private final VisitorConnection connection;
  private Phase phase = Phase.NEW;
  private VisitorSession session;
  private long delivered;
  private List<ChatEvent> buffered = new ArrayList<>();
  private final PositionUpdates positions;
  private ConversationId attached;
  private final String connectionId = UUID.randomUUID().toString();

  VisitorConversation(VisitorChat chat, ChatSite site, VisitorConnection connection) {
    this.chat = chat;
    this.site = site;
    this.connection = connection;
    this.positions = new PositionUpdates(connection.context().owner(), chat, connection);
  }

  @Override
  public Context context() {
    return connection.context();
  }

  void handle(VisitorFrame frame) {
    if (frame instanceof VisitorFrame.Ping) {
      connection.send(VisitorReplies.frame("pong"));
    } else if (frame instanceof VisitorFrame.Start start) {
      start(start);
    } else if (session == null) {
      connection.reject("not-started", "send a start frame first");
    } else if (frame instanceof VisitorFrame.Send send) {
      post(send);
    } else if (frame instanceof VisitorFrame.Typing) {
      whenLive(() -> chat.conversations.typing(session.conversation(), Sender.VISITOR), "typing");
    } else if (frame instanceof VisitorFrame.End) {
      end();
    } else if (frame instanceof VisitorFrame.Survey && phase != Phase.ENDED) {
      connection.reject("not-ended", "the survey comes after the chat has ended");
    } else {
      OfflineFrames.handle(chat, site, session, frame, connection).onSuccess(stored -> {
        if (stored && phase == Phase.WAITING && !(frame instanceof VisitorFrame.Transcript)) {
          end();
        }
      });
    }
  }

  private void start(VisitorFrame.Start start) {
    if (phase != Phase.NEW) {
      connection.reject("already-started", "this connection already holds conversation "
          + (session == null ? "(starting)" : session.conversation()) + ": open a new connection for another chat");
      return;
    }
    phase = Phase.STARTING;
    QueueId queue;
    try {
      queue = chat.chatQueue(start.queue());
    } catch (FrameException e) {
      failStart(e);
      return;
    }
    Future<Void> started = start.resume().isPresent() ? resume(start.resume().get()) : begin(start, queue);
    started.onFailure(this::failStart);
  }

  private Map<String, String> contactAttributes(VisitorMatch match) {
    Map<String, String> attributes = new java.util.LinkedHashMap<>(match.attributes());
    attributes.put("site", site.id());
    return attributes;
  }

  /**
   * Queues the visitor, unless nobody could answer: when no agent who takes chats for the queue is logged in, or
   * the queue is closed, the visitor is offered the offline form instead (no contact is stored).
   */
  private Future<Void> begin(VisitorFrame.Start start, QueueId queue) {
    ContactId contact = ContactId.random();
    ConversationId conversation = new ConversationId(contact.value());
    attach(conversation);
    VisitorMatch[] matched = new VisitorMatch[1];
    return chat.matching.match(site, start).compose(match -> {
      matched[0] = match;
      session = new VisitorSession(conversation, site.id(), queue, start.name(), match.customer());
      return chat.sessions.create(session);
    }).compose(token -> chat.view.staffed(queue, Channel.CHAT).compose(staffed -> staffed
        ? enqueue(contact, queue, matched[0], token)
        : offline(queue, chat.closed(queue) ? "closed" : "no-agents")));
  }

  private Future<Void> enqueue(ContactId contact, QueueId queue, VisitorMatch match, String token) {
    ConversationId conversation = session.conversation();
    return chat.router.enqueue(new ContactRequest(contact, Channel.CHAT, queue, session.customer(), 0,
        contactAttributes(match), Optional.empty(), match.preferredAgent())).compose(result -> {
          if (result instanceof EnqueueResult.Closed) {
            return offline(queue, "closed");
          }
          log.info("[conversation={} site={} queue={}] visitor chat started", conversation, site.id(), queue);
          connection.send(VisitorReplies.started(conversation.value(), token, 0));
          return live(0);
        });
  }

  private Future<Void> offline(QueueId queue, String reason) {
    phase = Phase.OFFLINE;
    log.info("[conversation={} site={} queue={}] visitor offered the offline form ({})", session.conversation(),
        site.id(), queue, reason);
    connection.send(VisitorReplies.offline(reason));
    return Future.succeededFuture();
  }

  private Future<Void> resume(VisitorFrame.Resume resume) {
    ConversationId conversation;
    try {
      conversation = new ConversationId(resume.conversation());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new FrameException("bad-resume", e.getMessage()));
    }
    return chat.sessions.resume(conversation, resume.token()).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new FrameException("bad-resume", "conversation " + conversation
            + " is unknown or the token does not match: start a new chat"));
      }
      session = found.get();
      attach(conversation);
      connection.send(VisitorReplies.started(conversation.value(), resume.token(), resume.lastSeq()));
      return chat.conversations.after(conversation, resume.lastSeq(), chat.limits.maxMessages())
          .compose(missed -> {
            missed.forEach(this::deliver);
            return live(resume.lastSeq());
          });
    });
  }

  /** Replays what arrived while starting, then follows the contact's routing state. */
  private Future<Void> live(long replayedTo) {
    delivered = Math.max(delivered, replayedTo);
    List<ChatEvent> early = buffered;
    buffered = null;
    phase = Phase.WAITING;
    early.forEach(this::chat);
    return chat.sessions.hold(session.conversation(), connectionId)
        .compose(held -> chat.view.contact(new ContactId(session.conversation().value())))
        .compose(this::follow)
        .recover(failure -> {
          log.warn("[conversation={}] started, but its routing state is unknown for now: {}", session.conversation(),
              failure.toString());
          positions.start(session);
          return Future.succeededFuture();
        });
  }

  private Future<Void> follow(Optional<ContactSnapshot> contact) {
    ContactState state = contact.map(ContactSnapshot::state).orElse(ContactState.ENDED);
    if (phase == Phase.ENDED) {
      return Future.succeededFuture();
    }
    if (state == ContactState.QUEUED || state == ContactState.OFFERED) {
      positions.start(session);
      return Future.succeededFuture();
    }
    if (state == ContactState.ACTIVE && contact.get().agent().isPresent()) {
      return announceAgent(contact.get().agent().get());
    }
    ended(Sender.SYSTEM);
    return Future.succeededFuture();
  }

  private void post(VisitorFrame.Send send) {
    if (phase != Phase.WAITING && phase != Phase.ACTIVE) {
      connection.reject(phase == Phase.ENDED ? "ended" : "not-started",
          "this conversation is not open for messages (" + phase.name().toLowerCase(Locale.ROOT) + ")");
      return;
    }
    chat.conversations.post(session.conversation(), Sender.VISITOR, session.name(), send.text(), send.clientId())
        .onSuccess(message -> connection.send(VisitorReplies.ack(send.clientId().orElse(null), message.seq())))
        .onFailure(failure -> refuse(failure, "send"));
  }

  private void end() {
    if (phase == Phase.ENDED) {
      connection.send(VisitorReplies.ended(Sender.VISITOR));
      return;
    }
    ContactId contact = new ContactId(session.conversation().value());
    Future<?> routed = phase == Phase.ACTIVE || phase == Phase.OFFLINE ? Future.succeededFuture()
        : chat.router.abandon(contact).recover(failure -> failure instanceof StoreUnavailableException
            ? Future.failedFuture(failure) : Future.succeededFuture());
    routed.compose(ignored -> chat.conversations.end(session.conversation(), Sender.VISITOR))
        .onSuccess(ignored -> ended(Sender.VISITOR))
        .onFailure(failure -> refuse(failure, "end"));
  }

  private void whenLive(Supplier<Future<Void>> action, String what) {
    if (phase == Phase.WAITING || phase == Phase.ACTIVE) {
      action.get().onFailure(failure -> refuse(failure, what));
    }
  }

  @Override
  public void chat(ChatEvent event) {
    if (buffered != null) {
      buffered.add(event);
    } else if (event instanceof ChatEvent.Posted posted) {
      deliver(posted.message());
    } else if (event instanceof ChatEvent.Typing typing && typing.sender() != Sender.VISITOR) {
      connection.send(VisitorReplies.typing(typing.sender()));
    } else if (event instanceof ChatEvent.Ended ended) {
      ended(ended.by());
    }
  }

  @Override
  public void routing(RoutingEvent event) {
    if (buffered != null || phase == Phase.ENDED || session == null) {
      return;
    }
    if (event instanceof RoutingEvent.ContactChanged changed) {
      if (changed.state() == ContactState.ACTIVE && changed.agent().isPresent() && phase != Phase.ACTIVE) {
        announceAgent(changed.agent().get()).onFailure(failure -> log.warn(
            "[conversation={}] agent {} not announced to the visitor: {}", session.conversation(),
            changed.agent().get(), failure.toString()));
      } else if (changed.state() == ContactState.QUEUED && phase == Phase.ACTIVE) {
        phase = Phase.WAITING;
        positions.start(session);
      }
    } else if (event instanceof RoutingEvent.FallbackRequested) {
      connection.send(VisitorReplies.offline("fallback"));
    }
  }

  void disconnected() {
    positions.stop();
    detach();
    if (phase == Phase.WAITING) {
      AbandonTimer.start(context().owner(), chat, session, connectionId);
    }
  }

  private void attach(ConversationId conversation) {
    attached = conversation;
    chat.hub.attach(conversation, this);
  }

  private void detach() {
    if (attached != null) {
      chat.hub.detach(attached, this);
      attached = null;
    }
  }

  private Future<Void> announceAgent(AgentId agent) {
    phase = Phase.ACTIVE;
    positions.stop();
    return chat.view.agentName(agent).map(name -> {
      connection.send(VisitorReplies.agent(name.orElse(agent.value())));
      return null;
    });
  }

  /**
   * Sends a message once. Live messages arrive in seq order (the script that numbers them also publishes them), so
   * anything at or below the last delivered seq is a copy already sent by the replay.
   */
  private void deliver(ChatMessage message) {
    if (message.seq() > delivered) {
      delivered = message.seq();
      connection.send(VisitorReplies.message(message));
    }
  }

  private void ended(Sender by) {
    if (phase != Phase.ENDED) {
      phase = Phase.ENDED;
      positions.stop();
      connection.send(VisitorReplies.ended(by));
    }
  }

  private void failStart(Throwable failure) {
    phase = Phase.NEW;
    detach();
    session = null;
    buffered = new ArrayList<>();
    refuse(failure, "start");
  }

  private void refuse(Throwable failure, String what) {
    Refusals.send(connection, failure, what, session == null ? "-" : session.conversation());
  }
}
