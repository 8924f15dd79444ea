package dev.switchboard.gateway.agent;

import dev.switchboard.channels.webchat.ChatEvent;
import dev.switchboard.channels.webchat.Sender;
import dev.switchboard.gateway.auth.Principal;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.RoutingEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop's WebSocket: waits for {@code hello}, logs the agent in, sends what the desktop missed
 * (by routing sequence number) and then live events, each exactly once and in order; runs commands;
 * pings and declares a silent desktop dead. Confined to the event loop that accepted the socket:
 * events from the hub hop onto it.
 */
final class AgentConnection {

  private static final Logger log = LoggerFactory.getLogger(AgentConnection.class);
  static final short CLOSE_UNAUTHENTICATED = 4401;
  static final short CLOSE_FORBIDDEN = 4403;
  static final short CLOSE_REPLACED = 4409;
  static final short CLOSE_SILENT = 4408;
  static final short CLOSE_POLICY = 1008;
  static final short CLOSE_TOO_BIG = 1009;

  private final ServerWebSocket socket;
  private final Context context;
  private final AgentHub hub;
  private final DeskServices services;
  private final Function<String, Future<Principal>> authenticate;
  private final String id = UUID.randomUUID().toString();
  private final FrameLimiter limiter;
  private final Set<ContactId> held;
  private final List<RoutingEvent> early = new ArrayList<>();
  private final Principal cookiePrincipal;
  private AgentProfile profile;
  private String session;
  private boolean helloSeen;
  private boolean live;
  private boolean closed;
  private boolean replaced;
  private long lastSent;
  private long lastHeard;
  private long pingTimer = -1;
  private Future<Void> tail = Future.succeededFuture();

  /**
   * @param cookiePrincipal the principal of the upgrade request's session cookie, or null
   * @param authenticate resolves a hello's token to a principal, failing with a {@link CommandException}
   */
  AgentConnection(ServerWebSocket socket, Context context, AgentHub hub, Principal cookiePrincipal,
      Function<String, Future<Principal>> authenticate) {
    this.socket = socket;
    this.context = context;
    this.held = hub.heldContacts(this);
    this.hub = hub;
    this.services = hub.services();
    this.cookiePrincipal = cookiePrincipal;
    this.authenticate = authenticate;
    this.limiter = new FrameLimiter(services.clock(), services.settings().framesPerSecond());
  }

  void start() {
    lastHeard = services.clock().millis();
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(buffer -> close(CLOSE_POLICY, "binary frames are not part of the agent protocol"));
    socket.closeHandler(ignored -> onClose());
    socket.exceptionHandler(failure -> log.debug("[connection={}] socket error: {}", id, failure.toString()));
    hub.vertx().setTimer(services.settings().helloTimeout().toMillis(), timer -> {
      if (!helloSeen) {
        refuse(CLOSE_UNAUTHENTICATED, "unauthenticated", "no hello within "
            + services.settings().helloTimeout().toSeconds() + " s: send {type:'hello', token} first");
      }
    });
    long every = services.settings().pingInterval().toMillis();
    pingTimer = hub.vertx().setPeriodic(every, every, timer -> heartbeat());
  }

  AgentId agent() {
    return profile.id();
  }

  AgentProfile profile() {
    return profile;
  }

  boolean holds(ContactId contact) {
    return held.contains(contact);
  }

  /** Called by the hub on any thread. */
  void deliver(RoutingEvent event) {
    context.runOnContext(ignored -> {
      if (closed) {
        return;
      }
      if (live) {
        enqueue(event);
      } else {
        early.add(event);
      }
    });
  }

  /** Called by the hub on any thread for a conversation this desktop holds. */
  void chat(ChatEvent event) {
    context.runOnContext(ignored -> {
      if (!closed && live && !(event instanceof ChatEvent.Typing typing && typing.sender() == Sender.AGENT)) {
        write(DeskCommands.chatFrame(event));
      }
    });
  }

  Future<Void> write(JsonObject frame) {
    if (closed) {
      return Future.succeededFuture();
    }
    return socket.writeTextMessage(frame.encode()).recover(failure -> Future.succeededFuture());
  }

  private void onText(String text) {
    lastHeard = services.clock().millis();
    if (text.length() > services.settings().maxFrameBytes()
        || text.getBytes(StandardCharsets.UTF_8).length > services.settings().maxFrameBytes()) {
      close(CLOSE_TOO_BIG, "frame over " + services.settings().maxFrameBytes() + " bytes");
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      write(new JsonObject().put("type", "error").put("code", "bad-request")
          .put("error", "a frame must be one JSON object such as {\"type\":\"accept\",\"id\":1,\"contact\":\"...\"}"));
      return;
    }
    if (!limiter.tryTake()) {
      write(CommandErrors.result(frame.getValue("id"), new CommandException("rate-limited",
          "more than " + services.settings().framesPerSecond() + " frames per second: slow down")));
      return;
    }
    String type = frame.getString("type", "");
    if ("pong".equals(type) || "ping".equals(type)) {
      return;
    }
    if ("hello".equals(type)) {
      hello(frame);
    } else if (!live) {
      write(CommandErrors.result(frame.getValue("id"), new CommandException("not-ready",
          "send hello and wait for welcome before '" + type + "'")));
    } else {
      hub.commands().run(this, frame).onSuccess(this::write);
    }
  }

  private void hello(JsonObject frame) {
    if (helloSeen) {
      write(CommandErrors.result(frame.getValue("id"), CommandException.badRequest("hello was already sent")));
      return;
    }
    helloSeen = true;
    Long lastSeq;
    try {
      lastSeq = frame.getLong("lastSeq");
    } catch (ClassCastException e) {
      refuse(CLOSE_POLICY, "bad-request", "lastSeq must be a number");
      return;
    }
    Future<Principal> who = cookiePrincipal != null && !frame.containsKey("token")
        ? Future.succeededFuture(cookiePrincipal) : authenticate.apply(frame.getString("token"));
    who.compose(this::profileOf).compose(this::login).compose(done -> catchUp(lastSeq)).onFailure(failure -> {
      if (failure instanceof CommandException refused) {
        refuse(refused.code().equals("forbidden") ? CLOSE_FORBIDDEN : CLOSE_UNAUTHENTICATED, refused.code(),
            refused.getMessage());
      } else {
        log.warn("[connection={}] hello failed: {}", id, failure.toString());
        refuse(CLOSE_POLICY, CommandErrors.code(failure), CommandErrors.result(null, failure).getString("error"));
      }
    });
  }

  private Future<AgentProfile> profileOf(Principal principal) {
    return services.roster().profile(principal.id()).compose(found -> found.map(Future::succeededFuture).orElseGet(() ->
        Future.failedFuture(new CommandException("forbidden", "account '" + principal.id()
            + "' has no agent profile: ask an admin to add it to the routing agents"))));
  }

  private Future<Void> login(AgentProfile agent) {
    profile = agent;
    hub.attach(agent.id(), this);
    return relogin();
  }

  /** Logs the agent in again (after signing off to OFFLINE on this desktop); this socket holds the new session. */
  Future<Void> relogin() {
    return services.router().login(profile).compose(started -> {
      session = started.session();
      return hub.departures().claim(profile.id(), id);
    });
  }

  private Future<Void> catchUp(Long lastSeq) {
    Future<DeskWelcome.Resume> resume = DeskWelcome.resume(services, agent(), lastSeq);
    return resume.compose(plan -> DeskWelcome.frame(services, profile, plan, held).map(welcome -> {
      lastSent = plan.from();
      write(welcome);
      live = true;
      plan.backlog().forEach(this::enqueue);
      early.forEach(this::enqueue);
      early.clear();
      log.info("[agent={} connection={}] desktop connected ({}, from seq {})", agent(), id,
          plan.resumed() ? "resumed" : "fresh", plan.from());
      return null;
    }));
  }

  /** Sends routing events one after the other (an offer waits for its screen-pop), each seq at most once. */
  private void enqueue(RoutingEvent event) {
    tail = tail.compose(ignored -> render(event)).compose(frame -> {
      if (frame == null || event.seq() <= lastSent) {
        return Future.succeededFuture();
      }
      lastSent = event.seq();
      track(event);
      Future<Void> written = write(frame);
      if (replaced) {
        close(CLOSE_REPLACED, "signed in elsewhere");
      }
      return written;
    }).recover(failure -> {
      log.warn("[agent={} connection={}] event {} not sent: {}", agent(), id, event.seq(), failure.toString());
      return Future.succeededFuture();
    });
  }

  private Future<JsonObject> render(RoutingEvent event) {
    if (event instanceof RoutingEvent.SessionReplaced other && other.session().equals(session)) {
      replaced = true;
      return Future.succeededFuture(new JsonObject().put("type", "replaced").put("seq", event.seq())
          .put("reason", "this agent signed in on another desktop; this one is closed"));
    }
    if (EventFrames.isOfferTo(event, agent())) {
      return hub.pop().offer((RoutingEvent.ContactChanged) event);
    }
    return Future.succeededFuture(EventFrames.frame(event));
  }

  private void track(RoutingEvent event) {
    if (event instanceof RoutingEvent.ContactChanged changed) {
      boolean mine = changed.agent().filter(agent()::equals).isPresent();
      if (mine && (changed.state() == ContactState.ACTIVE || changed.state() == ContactState.WRAP_UP)) {
        held.add(changed.contact());
      } else {
        held.remove(changed.contact());
      }
    }
  }

  private void heartbeat() {
    if (services.clock().millis() - lastHeard > services.settings().silenceLimit().toMillis()) {
      log.info("[connection={}] desktop silent for over {} s: closing", id, services.settings().silenceLimit().toSeconds());
      close(CLOSE_SILENT, "no frame within " + services.settings().silenceLimit().toSeconds() + " s");
      return;
    }
    write(new JsonObject().put("type", "ping").put("at", services.clock().instant().toString()));
  }

  private void refuse(short status, String code, String message) {
    write(new JsonObject().put("type", "error").put("code", code).put("error", message));
    close(status, code);
  }

  void close(short status, String reason) {
    if (!closed && !socket.isClosed()) {
      socket.close(status, reason);
    }
  }

  private void onClose() {
    if (closed) {
      return;
    }
    closed = true;
    if (pingTimer >= 0) {
      hub.vertx().cancelTimer(pingTimer);
    }
    held.clear();
    if (profile != null) {
      hub.detach(agent(), this);
      if (!replaced && session != null) {
        hub.departures().left(agent(), id);
      }
      log.info("[agent={} connection={}] desktop disconnected{}", agent(), id, replaced ? " (replaced)" : "");
    }
  }
}
