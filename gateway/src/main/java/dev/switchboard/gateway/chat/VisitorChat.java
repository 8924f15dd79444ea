package dev.switchboard.gateway.chat;

import dev.switchboard.channels.webchat.ChatLimits;
import dev.switchboard.channels.webchat.Conversations;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.store.RedisStore;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web chat for visitors on one node: the {@code /chat/ws} WebSocket, {@code /widget.js} and the {@code /demo}
 * shop. Created once by the composition root and mounted on every HTTP verticle's router; {@link #start} subscribes
 * to the chat and routing events. Thread-safe; each connection stays on the event loop that accepted it.
 */
public final class VisitorChat {

  private static final Logger log = LoggerFactory.getLogger(VisitorChat.class);

  final Conversations conversations;
  final Router router;
  final RoutingView view;
  final ChatHub hub = new ChatHub();
  final VisitorSessions sessions;
  final CustomerMatching matching;
  final OfflineRequests offline;
  final WaitEstimates estimates;
  final ChatSites sites;
  final ChatSettings settings;
  final ChatLimits limits;
  final VisitorFrames frames;
  final AddressLimits addressLimits;
  private final RoutingRules rules;
  private final Clock clock;

  public VisitorChat(RedisStore store, Conversations conversations, Router router, RoutingRules rules,
      RoutingView view, CustomerDirectory directory, IdentityNormalizer normalizer, ChatSites sites, ChatSettings settings,
      ChatLimits limits, Clock clock) {
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.router = Objects.requireNonNull(router, "router");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.view = Objects.requireNonNull(view, "view");
    this.sites = Objects.requireNonNull(sites, "sites");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.sessions = new VisitorSessions(store, limits.retention());
    this.matching = new CustomerMatching(directory, normalizer, clock);
    this.offline = new OfflineRequests(store, directory, normalizer, clock);
    this.estimates = new WaitEstimates(view, settings.defaultHandleTime());
    this.frames = new VisitorFrames(settings.maxFrameChars(), limits.maxText());
    this.addressLimits = new AddressLimits(settings.addressRate());
  }

  /** Subscribes to chat and routing events; the future completes once both subscriptions are confirmed. */
  public Future<Void> start(EventFeed feed) {
    return hub.start(conversations, feed);
  }

  /** Mounts {@code /chat/ws}, {@code /widget.js} and {@code /demo} (with or without the final slash) on a router. */
  public void mount(io.vertx.ext.web.Router web) {
    web.get("/chat/ws").handler(this::upgrade);
    web.get("/widget.js").handler(context -> sendResource(context, "web/widget.js", "text/javascript; charset=utf-8"));
    web.get("/demo").handler(context -> sendResource(context, "web/demo/index.html", "text/html; charset=utf-8"));
  }

  /** The queue named by a start frame, when it exists and takes chats. */
  QueueId chatQueue(String name) {
    Optional<QueuePolicy> queue;
    try {
      queue = rules.find(new QueueId(name));
    } catch (IllegalArgumentException e) {
      queue = Optional.empty();
    }
    if (queue.isEmpty() || !queue.get().channels().contains(Channel.CHAT)) {
      throw new FrameException("unknown-queue", "queue '" + name + "' does not take chats: set data-queue to one of "
          + rules.queues().stream().filter(q -> q.channels().contains(Channel.CHAT)).map(q -> q.id().value())
              .sorted().toList());
    }
    return queue.get().id();
  }

  /** Whether the queue is outside its business hours now. */
  boolean closed(QueueId queue) {
    return rules.queue(queue).hours().map(hours -> !hours.isOpen(clock.instant())).orElse(false);
  }

  private void upgrade(RoutingContext context) {
    HttpServerRequest request = context.request();
    String siteId = request.getParam("site");
    Optional<ChatSite> site = sites.find(siteId);
    String origin = request.getHeader("Origin");
    if (site.isEmpty()) {
      refuse(context, 404, "unknown chat site '" + siteId + "': set data-site to a configured site id");
      return;
    }
    if (origin == null || !(site.get().allows(origin) || sameOrigin(request, origin))) {
      log.warn("[site={}] refused a chat connection from origin {}", site.get().id(), origin);
      refuse(context, 403, "origin " + origin + " may not open chats for site " + site.get().id()
          + ": add it to the site's allowed origins");
      return;
    }
    String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    request.toWebSocket().onSuccess(socket -> new VisitorConnection(this, site.get(), address, socket).open())
        .onFailure(failure -> log.debug("[site={}] chat upgrade failed: {}", site.get().id(), failure.toString()));
  }

  private static boolean sameOrigin(HttpServerRequest request, String origin) {
    String host = request.getHeader("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private static void refuse(RoutingContext context, int status, String detail) {
    context.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(detail);
  }

  private static void sendResource(RoutingContext context, String resource, String type) {
    context.response().putHeader("Content-Type", type).putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Cache-Control", "no-cache").sendFile(resource)
        .onFailure(failure -> context.fail(404));
  }
}
