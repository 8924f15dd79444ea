package dev.switchboard.gateway.agent;

import static dev.switchboard.gateway.agent.DeskClient.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.Role;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.TimelineEntry;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent desktop against a real node, a real Redis and a real WebSocket client. Each test has its
 * own queue and agent (same name, the queue needs a skill only that agent has), so tests cannot take
 * each other's contacts.
 */
class AgentDeskIT {

  private static final List<String> AGENTS = List.of("pop", "resume", "replace", "expire", "wrap", "depart", "silent",
      "attach", "roam", "burst", "tools");
  private static final String PASSWORD = "desk-test-password";
  private static Node node;
  private static Node second;
  private static String center;
  private static Vertx client;
  private static FakeConversations conversations;
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    client = Vertx.vertx();
    Vertx fakeVertx = Vertx.vertx();
    conversations = new FakeConversations(fakeVertx);
    center = TestRedis.freshCenter();
    DeskSettings desk = DeskSettings.defaults().withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(3))
        .withGrace(Duration.ofSeconds(2), Duration.ofSeconds(4));
    node = Node.start(config(), routing(), desk, Optional.of(conversations));
    second = Node.start(config(), routing(), desk, Optional.of(new FakeConversations(fakeVertx)));
    for (String agent : AGENTS) {
      await(node.accounts().ensure(new AccountId(agent), "Agent " + agent, Role.AGENT, PASSWORD));
    }
    await(node.accounts().ensure(new AccountId("outsider"), "No profile", Role.AGENT, PASSWORD));
    await(node.accounts().ensure(new AccountId("boss"), "Supervisor", Role.SUPERVISOR, PASSWORD));
  }

  @AfterAll
  static void stop() {
    second.close();
    node.close();
    client.close();
  }

  private static final Set<String> DISPOSITIONS = Set.of("resolved", "follow-up", "escalated", "no-action");

  private static ConfiguredRouting routing() {
    List<QueuePolicy> queues = new ArrayList<>();
    List<AgentProfile> agents = new ArrayList<>();
    for (String name : AGENTS) {
      queues.add(QueuePolicy.of(new QueueId(name), EnumSet.allOf(Channel.class), Map.of(name, 1))
          .withWrapUp(Duration.ofSeconds(60), DISPOSITIONS));
      agents.add(AgentProfile.of(new AgentId(name), "Agent " + name, Map.of(name, 5)));
    }
    RoutingRules rules = new RoutingRules(Set.copyOf(AGENTS), Set.of("break"), ChannelCosts.defaults(), queues);
    return ConfiguredRouting.of(rules, RoutingSettings.defaults().withOfferTimeout(Duration.ofSeconds(4)), agents);
  }

  @Test
  void offerPopsTheCustomerWithTimelineAndAcceptMakesItActive() {
    CustomerId customer = customer("pop-1", "Minji Seo", "gold");
    await(node.directory().appendTimeline(customer, new TimelineEntry(Instant.parse("2026-11-01T10:00:00Z"), "contact",
        "email", "Email in billing: handled", Map.of())));
    try (DeskClient desk = signedIn("pop")) {
      assertThat(desk.command("presence", new JsonObject().put("state", "READY")).getBoolean("ok")).isTrue();
      ContactId contact = enqueue("pop", customer, Map.of("match", "phone", "matchValue", "+821012345678"));

      JsonObject offer = desk.next("offer");
      assertThat(offer.getString("contact")).isEqualTo(contact.value());
      assertThat(offer.getLong("seq")).isPositive();
      assertThat(offer.getString("channel")).isEqualTo("chat");
      assertThat(offer.getString("queue")).isEqualTo("pop");
      assertThat(Instant.parse(offer.getString("deadline"))).isAfter(Instant.now().minusSeconds(1));
      assertThat(offer.getJsonObject("customer").getString("name")).isEqualTo("Minji Seo");
      assertThat(offer.getJsonObject("customer").getString("tier")).isEqualTo("gold");
      assertThat(offer.getJsonObject("match").getString("how")).isEqualTo("phone");
      assertThat(offer.getJsonObject("match").getString("value")).isEqualTo("+821012345678");
      assertThat(offer.getJsonArray("timeline")).hasSize(1);
      assertThat(offer.getJsonArray("timeline").getJsonObject(0).getString("summary")).isEqualTo("Email in billing: handled");

      assertThat(desk.command("accept", new JsonObject().put("contact", contact.value())).getBoolean("ok")).isTrue();
      JsonObject active = desk.next(frame -> "contact".equals(frame.getString("type"))
          && "ACTIVE".equals(frame.getString("state")), "the contact going ACTIVE");
      assertThat(active.getString("contact")).isEqualTo(contact.value());
      assertThat(active.getLong("seq")).isEqualTo(offer.getLong("seq") + 1);
      assertThat(await(node.routingView().contact(contact)).orElseThrow().state()).isEqualTo(ContactState.ACTIVE);
    }
  }

  @Test
  void reconnectingWithLastSeqGetsExactlyTheMissedEventsOnce() {
    String token = token("resume");
    long lastSeen;
    try (DeskClient first = DeskClient.open(client, node.port())) {
      first.hello(token, null);
      first.command("presence", new JsonObject().put("state", "READY"));
      lastSeen = first.next("presence").getLong("seq");
    }
    ContactId missed = enqueue("resume", customer("resume-1", "Daniel Cho", "standard"), Map.of());
    long newest = eventuallyNewestSeq("resume", lastSeen);

    try (DeskClient again = DeskClient.open(client, node.port())) {
      JsonObject welcome = again.hello(token, lastSeen);
      assertThat(welcome.getBoolean("resumed")).isTrue();
      assertThat(welcome.getLong("seq")).isEqualTo(lastSeen);
      List<Long> seqs = new ArrayList<>();
      JsonObject offer = null;
      while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < newest) {
        JsonObject frame = again.next(candidate -> candidate.containsKey("seq"), "a routing event");
        seqs.add(frame.getLong("seq"));
        offer = "offer".equals(frame.getString("type")) ? frame : offer;
      }
      assertThat(offer).isNotNull();
      assertThat(offer.getString("contact")).isEqualTo(missed.value());
      assertThat(seqs.get(0)).isEqualTo(lastSeen + 1);
      assertThat(seqs).doesNotHaveDuplicates().isSorted();
      assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).isEqualTo(seqs.size());

      again.command("accept", new JsonObject().put("contact", missed.value()));
      JsonObject after = again.next(frame -> frame.containsKey("seq") && frame.getLong("seq") > 0, "the next event");
      assertThat(after.getLong("seq")).isGreaterThan(seqs.get(seqs.size() - 1));
    }
  }

  @Test
  void desktopResumesOnAnotherNodeAndGetsOffersRoutedByAnyNode() {
    String token = token("roam");
    long lastSeen;
    try (DeskClient first = DeskClient.open(client, node.port())) {
      first.hello(token, null);
      first.command("presence", new JsonObject().put("state", "READY"));
      lastSeen = first.next("presence").getLong("seq");
    }
    ContactId missed = enqueue("roam", customer("roam-1", "Eun Bi", "standard"), Map.of());
    try (DeskClient moved = DeskClient.open(client, second.port())) {
      JsonObject welcome = moved.hello(token, lastSeen);
      assertThat(welcome.getBoolean("resumed")).isTrue();
      JsonObject offer = moved.next("offer");
      assertThat(offer.getString("contact")).isEqualTo(missed.value());
      assertThat(offer.getLong("seq")).isGreaterThan(lastSeen);
      assertThat(offer.getJsonObject("customer").getString("name")).isEqualTo("Eun Bi");
      assertThat(moved.command("accept", new JsonObject().put("contact", missed.value())).getBoolean("ok")).isTrue();
      moved.command("end", new JsonObject().put("contact", missed.value()));
      moved.command("wrapup", new JsonObject().put("contact", missed.value()).put("disposition", "resolved"));

      ContactId next = enqueue("roam", null, Map.of());
      assertThat(moved.next("offer").getString("contact")).isEqualTo(next.value());
      await(node.router().abandon(next));
    }
  }

  @Test
  void lookupCreateHistoryAndTransferCommands() {
    customer("tools-1", "Bora Shin", "standard", "+82-10-7777-0101");
    try (DeskClient desk = signedIn("tools")) {
      JsonObject found = desk.command("lookup", new JsonObject().put("phone", "010-7777-0101"));
      assertThat(found.getJsonArray("candidates")).hasSize(1);
      assertThat(found.getJsonArray("candidates").getJsonObject(0).getString("name")).isEqualTo("Bora Shin");
      assertThat(desk.command("lookup", new JsonObject()).getString("code")).isEqualTo("bad-request");

      desk.command("presence", new JsonObject().put("state", "READY"));
      ContactId contact = enqueue("tools", null, Map.of("match", "email", "matchValue", "new@example.kr"));
      JsonObject offer = desk.next("offer");
      assertThat(offer.getJsonObject("match").getString("explanation")).isEqualTo("No customer holds the email address new@example.kr");
      JsonObject created = desk.command("create-customer", new JsonObject().put("contact", contact.value())
          .put("customer", new JsonObject().put("name", "Nari Kang")
              .put("emails", new io.vertx.core.json.JsonArray().add("new@example.kr"))));
      assertThat(created.getBoolean("ok")).as(created.encode()).isTrue();
      String id = created.getJsonObject("customer").getString("id");
      assertThat(desk.command("customer", new JsonObject().put("customer", id)).getJsonObject("customer")
          .getString("name")).isEqualTo("Nari Kang");
      assertThat(desk.command("create-customer", new JsonObject().put("customer", new JsonObject().put("id", id)
          .put("name", "Again"))).getString("code")).isEqualTo("customer-exists");

      desk.command("accept", new JsonObject().put("contact", contact.value()));
      desk.command("message", new JsonObject().put("contact", contact.value()).put("text", "first").put("clientId", "a"));
      desk.command("message", new JsonObject().put("contact", contact.value()).put("text", "first").put("clientId", "a"));
      desk.command("message", new JsonObject().put("contact", contact.value()).put("text", "second"));
      JsonObject history = desk.command("history", new JsonObject().put("contact", contact.value()).put("after", 1));
      assertThat(history.getJsonArray("messages")).hasSize(1);
      assertThat(history.getJsonArray("messages").getJsonObject(0).getString("text")).isEqualTo("second");
      assertThat(desk.command("transfer", new JsonObject().put("contact", contact.value())).getString("code"))
          .isEqualTo("bad-request");
      assertThat(desk.command("transfer", new JsonObject().put("contact", contact.value()).put("queue", "nowhere"))
          .getString("code")).isEqualTo("unknown-queue");

      assertThat(desk.command("presence", new JsonObject().put("state", "OFFLINE")).getBoolean("ok")).isTrue();
      assertThat(desk.command("presence", new JsonObject().put("state", "NOT_READY").put("reason", "break"))
          .getBoolean("ok")).isTrue();
      assertThat(await(node.routingView().agent(new AgentId("tools"))).orElseThrow().presence().reason())
          .contains("break");
      assertThat(desk.command("transfer", new JsonObject().put("contact", contact.value()).put("queue", "pop"))
          .getBoolean("ok")).isTrue();
      assertThat(desk.next(frame -> "contact".equals(frame.getString("type")) && "QUEUED".equals(frame.getString("state")),
          "the transferred contact").getString("why")).isEqualTo("transfer");
      assertThat(desk.command("message", new JsonObject().put("contact", contact.value()).put("text", "late"))
          .getString("code")).isEqualTo("contact-state");
      await(node.router().abandon(contact));
    }
  }

  @Test
  void framesOverTheRateAreRefused() {
    try (DeskClient desk = signedIn("burst")) {
      for (int i = 0; i < 60; i++) {
        desk.send(new JsonObject().put("type", "typing").put("id", "t" + i).put("contact", "none"));
      }
      long limited = 0;
      for (int i = 0; i < 60; i++) {
        JsonObject result = desk.next("result");
        limited += "rate-limited".equals(result.getString("code")) ? 1 : 0;
      }
      assertThat(limited).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void socketWithoutCredentialsIsRefused() {
    try (DeskClient desk = DeskClient.open(client, node.port())) {
      desk.send(new JsonObject().put("type", "hello"));
      JsonObject error = desk.next("error");
      assertThat(error.getString("code")).isEqualTo("unauthenticated");
      assertThat(desk.awaitClose()).isEqualTo(AgentConnection.CLOSE_UNAUTHENTICATED);
    }
    try (DeskClient desk = DeskClient.open(client, node.port())) {
      desk.send(new JsonObject().put("type", "accept").put("id", 1).put("contact", "x"));
      assertThat(desk.next("result").getString("code")).isEqualTo("not-ready");
    }
  }

  @Test
  void accountWithoutAgentProfileIsRefused() {
    try (DeskClient desk = DeskClient.open(client, node.port())) {
      desk.send(new JsonObject().put("type", "hello").put("token", token("outsider")));
      assertThat(desk.next("error").getString("code")).isEqualTo("forbidden");
      assertThat(desk.awaitClose()).isEqualTo(AgentConnection.CLOSE_FORBIDDEN);
    }
  }

  @Test
  void tokenInTheUrlIsRefusedBeforeTheUpgrade() {
    String token = token("pop");
    assertThatThrownBy(() -> await(DeskClient.connect(client, node.port(), "/agent/ws?token=" + token)))
        .hasRootCauseInstanceOf(UpgradeRejectedException.class)
        .rootCause().satisfies(cause -> assertThat(((UpgradeRejectedException) cause).getStatus()).isEqualTo(400));
  }

  @Test
  void sessionCookieAuthenticatesTheUpgradeForeignOriginsAndBadHeadersAreRefused() {
    String token = token("pop");
    try (DeskClient desk = await(DeskClient.connect(client, node.port(), "/agent/ws", "Cookie", "sb_session=" + token))) {
      desk.send(new JsonObject().put("type", "hello"));
      assertThat(desk.next("welcome").getJsonObject("agent").getString("id")).isEqualTo("pop");
    }
    assertThatThrownBy(() -> await(DeskClient.connect(client, node.port(), "/agent/ws", "Cookie", "sb_session=" + token,
        "Origin", "https://evil.example")))
        .rootCause().satisfies(cause -> assertThat(((UpgradeRejectedException) cause).getStatus()).isEqualTo(403));
    String stale = "A".repeat(43);
    try (DeskClient desk = await(DeskClient.connect(client, node.port(), "/agent/ws", "Cookie", "sb_session=" + stale))) {
      assertThat(desk.hello(token, null).getJsonObject("agent").getString("id")).isEqualTo("pop");
    }
    assertThatThrownBy(() -> await(DeskClient.connect(client, node.port(), "/agent/ws", "Authorization",
        "Bearer " + stale)))
        .rootCause().satisfies(cause -> assertThat(((UpgradeRejectedException) cause).getStatus()).isEqualTo(401));
  }

  @Test
  void newerSignInReplacesTheOlderSocket() {
    try (DeskClient older = signedIn("replace"); DeskClient newer = signedIn("replace")) {
      JsonObject replaced = older.next("replaced");
      assertThat(replaced.getString("reason")).contains("another desktop");
      assertThat(older.awaitClose()).isEqualTo(AgentConnection.CLOSE_REPLACED);
      assertThat(newer.command("presence", new JsonObject().put("state", "READY")).getBoolean("ok")).isTrue();
    }
  }

  @Test
  void acceptingAnExpiredOfferAnswersOfferExpired() {
    try (DeskClient desk = signedIn("expire")) {
      desk.command("presence", new JsonObject().put("state", "READY"));
      ContactId contact = enqueue("expire", customer("expire-1", "Hana Yoon", "standard"), Map.of());
      desk.next("offer");
      desk.next(frame -> "contact".equals(frame.getString("type")) && "QUEUED".equals(frame.getString("state")),
          "the offer ringing out");

      JsonObject result = desk.command("accept", new JsonObject().put("contact", contact.value()));

      assertThat(result.getBoolean("ok")).isFalse();
      assertThat(result.getString("code")).isEqualTo("offer-expired");
      assertThat(result.getString("error")).startsWith("offer expired");
      await(node.router().abandon(contact));
    }
  }

  @Test
  void chatThenWrapUpLandsInTheCustomersTimeline() {
    CustomerId customer = customer("wrap-1", "Jisoo Han", "vip");
    try (DeskClient desk = signedIn("wrap")) {
      desk.command("presence", new JsonObject().put("state", "READY"));
      ContactId contact = enqueue("wrap", customer, Map.of());
      desk.next("offer");
      desk.command("accept", new JsonObject().put("contact", contact.value()));
      desk.next(frame -> "ACTIVE".equals(frame.getString("state")), "the contact going ACTIVE");

      JsonObject sent = desk.command("message", new JsonObject().put("contact", contact.value())
          .put("text", "<b>Hello</b>").put("clientId", "m1"));
      assertThat(sent.getBoolean("ok")).isTrue();
      assertThat(sent.getLong("seq")).isEqualTo(1);
      JsonObject chat = desk.next("chat");
      assertThat(chat.getJsonObject("message").getString("text")).isEqualTo("<b>Hello</b>");
      await(conversations.post(new dev.switchboard.channels.webchat.ConversationId(contact.value()),
          dev.switchboard.channels.webchat.Sender.VISITOR, "Jisoo", "Thanks!", Optional.empty()));
      assertThat(desk.next("chat").getJsonObject("message").getString("sender")).isEqualTo("visitor");

      assertThat(desk.command("end", new JsonObject().put("contact", contact.value())).getString("state"))
          .isEqualTo("WRAP_UP");
      assertThat(conversations.hasEnded(new dev.switchboard.channels.webchat.ConversationId(contact.value()))).isTrue();
      JsonObject bad = desk.command("wrapup", new JsonObject().put("contact", contact.value()).put("disposition", "nope"));
      assertThat(bad.getString("code")).isEqualTo("invalid-code");
      JsonObject done = desk.command("wrapup", new JsonObject().put("contact", contact.value())
          .put("disposition", "resolved").put("notes", "Refund promised"));
      assertThat(done.getBoolean("ok")).isTrue();

      eventually(() -> await(node.directory().timeline(customer, Optional.empty(), 10)).entries().stream()
          .anyMatch(entry -> contact.value().equals(entry.details().get("contact"))
              && "resolved".equals(entry.details().get("disposition"))
              && "Refund promised".equals(entry.details().get("notes"))), "the wrap-up in the timeline");
    }
  }

  @Test
  void ambiguousMatchOffersCandidatesAndAttachedCustomerGetsTheOutcome() {
    customer("attach-1", "Yuna Park", "standard", "+82-10-5555-0101");
    CustomerId second = customer("attach-2", "Yuna Park", "gold", "+82-10-5555-0101");
    try (DeskClient desk = signedIn("attach")) {
      desk.command("presence", new JsonObject().put("state", "READY"));
      ContactId contact = enqueue("attach", null, Map.of("match", "phone", "matchValue", "+821055550101",
          "ambiguous", "true"));
      JsonObject offer = desk.next("offer");
      assertThat(offer.getValue("customer")).isNull();
      assertThat(offer.getJsonArray("candidates")).hasSize(2);
      assertThat(offer.getJsonObject("match").getBoolean("ambiguous")).isTrue();

      JsonObject attached = desk.command("attach", new JsonObject().put("contact", contact.value())
          .put("customer", second.value()));
      assertThat(attached.getJsonObject("customer").getString("tier")).isEqualTo("gold");
      desk.command("accept", new JsonObject().put("contact", contact.value()));
      desk.command("end", new JsonObject().put("contact", contact.value()));
      JsonObject done = desk.command("wrapup", new JsonObject().put("contact", contact.value())
          .put("disposition", "follow-up"));
      assertThat(done.getString("customer")).isEqualTo(second.value());
      assertThat(await(node.directory().timeline(second, Optional.empty(), 10)).entries())
          .anyMatch(entry -> contact.value().equals(entry.details().get("contact")));
    }
  }

  @Test
  void departedAgentIsLoggedOutThenItsActiveContactRequeued() {
    ContactId contact;
    try (DeskClient desk = signedIn("depart")) {
      desk.command("presence", new JsonObject().put("state", "READY"));
      contact = enqueue("depart", customer("depart-1", "Sora Lim", "standard"), Map.of());
      desk.next("offer");
      desk.command("accept", new JsonObject().put("contact", contact.value()));
      desk.next(frame -> "ACTIVE".equals(frame.getString("state")), "the contact going ACTIVE");
    }
    eventually(() -> await(node.routingView().agent(new AgentId("depart"))).orElseThrow().presence().state()
        == AgentState.OFFLINE, "the agent logged out");
    assertThat(await(node.routingView().contact(contact)).orElseThrow().state()).isEqualTo(ContactState.ACTIVE);
    eventually(() -> await(node.routingView().contact(contact)).orElseThrow().state() == ContactState.QUEUED,
        "the active contact requeued");
  }

  @Test
  void silentDesktopIsClosed() {
    try (DeskClient desk = signedIn("silent")) {
      desk.stopAnsweringPings();
      assertThat(desk.awaitClose()).isEqualTo(AgentConnection.CLOSE_SILENT);
    }
  }

  @Test
  void oversizedFramesCloseTheSocketAndBadFramesGetErrors() {
    try (DeskClient desk = signedIn("pop")) {
      assertThat(desk.command("fly", new JsonObject()).getString("code")).isEqualTo("bad-request");
      assertThat(desk.command("accept", new JsonObject()).getString("error")).contains("'contact'");
      desk.send(new JsonObject().put("type", "message").put("text", "x".repeat(20_000)));
      assertThat(desk.awaitClose()).isEqualTo(AgentConnection.CLOSE_TOO_BIG);
    }
  }

  @Test
  void supervisorRestNeedsTheSupervisorRoleAndMetricsShowQueues() throws Exception {
    assertThat(get("/api/v1/queues", token("pop")).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/agents/pop/stats", token("pop")).statusCode()).isEqualTo(403);
    String boss = token("boss");
    HttpResponse<String> queues = get("/api/v1/queues", boss);
    assertThat(queues.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(queues.body()).getJsonArray("items")).hasSize(AGENTS.size());
    JsonObject stats = new JsonObject(get("/api/v1/queues/pop/stats", boss).body());
    assertThat(stats.fieldNames()).contains("waiting", "longestWaitSeconds", "serviceLevelPercent",
        "averageSpeedOfAnswerSeconds", "averageHandleTimeSeconds");
    assertThat(get("/api/v1/queues/nowhere/stats", boss).statusCode()).isEqualTo(404);
    try (DeskClient desk = signedIn("pop")) {
      assertThat(get("/api/v1/agents/pop/stats", boss).statusCode()).isEqualTo(200);
    }
    eventually(() -> get("/metrics", null).body().contains("switchboard_queue_waiting{queue=\"pop\"}"),
        "queue gauges in /metrics");
    assertThat(get("/metrics", null).body()).contains("switchboard_agents{state=\"READY\"}");
  }

  @Test
  void desktopPageIsServedWithAStrictContentSecurityPolicy() {
    HttpResponse<String> page = get("/agent/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    assertThat(page.body()).contains("data-testid=\"sign-in\"");
    assertThat(get("/agent/agent.js", null).statusCode()).isEqualTo(200);
  }

  private static DeskClient signedIn(String agent) {
    DeskClient desk = DeskClient.open(client, node.port());
    JsonObject welcome = desk.hello(token(agent), null);
    assertThat(welcome.getJsonObject("agent").getString("id")).isEqualTo(agent);
    return desk;
  }

  private static ContactId enqueue(String queue, CustomerId customer, Map<String, String> attributes) {
    ContactRequest request = ContactRequest.of(Channel.CHAT, new QueueId(queue)).withAttributes(attributes);
    return await(node.router().enqueue(customer == null ? request : request.withCustomer(customer))).contact();
  }

  private static CustomerId customer(String id, String name, String tier, String... phones) {
    JsonObject json = new JsonObject().put("id", id).put("name", name).put("tier", tier)
        .put("tags", new io.vertx.core.json.JsonArray().add("test")).put("phones", new io.vertx.core.json.JsonArray(List.of(phones)));
    return await(node.directory().save(new dev.switchboard.routing.customer.CustomerJson(
        new dev.switchboard.routing.customer.IdentityNormalizer("KR")).fromJson(json))).id();
  }

  private static long eventuallyNewestSeq(String agent, long after) {
    long[] newest = new long[1];
    eventually(() -> {
      newest[0] = await(node.routingView().eventsAfter(new AgentId(agent), after)).events().stream()
          .filter(event -> event instanceof dev.switchboard.routing.dispatch.RoutingEvent.ContactChanged)
          .mapToLong(event -> event.seq()).max().orElse(0);
      return newest[0] > 0;
    }, "the missed offer in the backlog");
    return newest[0];
  }

  private static String token(String account) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/sessions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("account", account).put("password", PASSWORD)
            .encode())));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getString("token");
  }

  private static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.port() + path);
  }

  private static void eventually(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within 15 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private static SwitchboardConfig config() {
    return new SwitchboardConfig(
        new ServerSettings("127.0.0.1", freePort(), 64 * 1024, 8 * 1024 * 1024, Duration.ofSeconds(1)),
        new RedisSettings(Optional.of(TestRedis.uri()), Optional.empty(), center,
            Path.of("target/unused-data"), Duration.ofSeconds(2), Duration.ofSeconds(3)),
        new DirectorySettings("KR", 50), Optional.empty());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
