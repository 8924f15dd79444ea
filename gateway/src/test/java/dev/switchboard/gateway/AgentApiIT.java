package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.Role;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.dispatch.AgentSnapshot;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/agents} of a real node on a real Redis, through HTTP, with each role. */
class AgentApiIT {

  private static final String CENTER = TestRedis.freshCenter();
  private static final String PASSWORD = "agent-api-password";
  private static final Vertx vertx = Vertx.vertx();
  private static Node node;
  private static Http admin;
  private static Http supervisor;
  private static Http agent;

  @BeforeAll
  static void start() {
    node = startNode();
    admin = TestNodes.signedInAdmin(node);
    supervisor = signedIn("api-boss", Role.SUPERVISOR);
    agent = signedIn("api-agent", Role.AGENT);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** A center with a skill catalogue, a chat queue needing billing 5, and one agent the configuration defines. */
  private static Node startNode() {
    QueuePolicy billing = QueuePolicy.of(new QueueId("billing"), EnumSet.allOf(Channel.class), Map.of("billing", 5));
    RoutingRules rules = new RoutingRules(Set.of("billing", "sales", "korean"), Set.of("break"),
        ChannelCosts.defaults(), List.of(billing));
    AgentProfile configured = AgentProfile.of(new AgentId("cfg-lee"), "Lee from the file", Map.of("sales", 4));
    SwitchboardConfig config = TestNodes.config(TestRedis.uri(), CENTER);
    return Node.start(config, ConfiguredRouting.of(rules, RoutingSettings.defaults(), List.of(configured)),
        DeskSettings.defaults(), Optional.empty());
  }

  private static Http signedIn(String id, Role role) {
    Node.await(node.accounts().ensure(new AccountId(id), id, role, PASSWORD), "ensure account " + id);
    return new Http(node.port()).withToken(signIn(id, PASSWORD));
  }

  private static String signIn(String id, String password) {
    HttpResponse<String> response = new Http(node.port()).post("/api/v1/sessions", "application/json",
        new JsonObject().put("account", id).put("password", password).encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getString("token");
  }

  private static JsonObject agentBody(String id) {
    return new JsonObject().put("id", id).put("displayName", "Kim Minji")
        .put("skills", new JsonObject().put("billing", 7).put("korean", 10)).put("capacity", 150)
        .put("channels", new JsonArray().add("chat").add("voice")).put("phoneDevice", "PJSIP/1001")
        .put("maxPerChannel", new JsonObject().put("chat", 3));
  }

  private static HttpResponse<String> create(JsonObject body) {
    return admin.post("/api/v1/agents", "application/json", body.encode());
  }

  private static String detail(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return new JsonObject(response.body()).getString("detail");
  }

  @Test
  void adminCreatesReadsReplacesAndDeletesAnAgent() {
    HttpResponse<String> created = create(agentBody("crud-kim"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/agents/crud-kim");
    JsonObject profile = new JsonObject(created.body());
    assertThat(profile.getJsonObject("skills").getMap()).containsEntry("billing", 7).containsEntry("korean", 10);
    assertThat(profile.getInteger("capacity")).isEqualTo(150);
    assertThat(profile.getJsonArray("channels").getList()).containsExactly("voice", "chat");
    assertThat(profile.getString("phoneDevice")).isEqualTo("PJSIP/1001");
    assertThat(profile.getJsonObject("maxPerChannel").getInteger("chat")).isEqualTo(3);
    assertThat(profile.getString("source")).isEqualTo("api");
    assertThat(profile.getBoolean("accountCreated")).isFalse();

    HttpResponse<String> replaced = admin.put("/api/v1/agents/crud-kim", new JsonObject().put("displayName", "Kim M.")
        .put("skills", new JsonObject().put("sales", 3)).encode());
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(new JsonObject(replaced.body()).getString("takesEffect")).isEqualTo("next-login");
    JsonObject read = new JsonObject(admin.get("/api/v1/agents/crud-kim").body());
    assertThat(read.getString("displayName")).isEqualTo("Kim M.");
    assertThat(read.getJsonObject("skills").getMap()).containsOnlyKeys("sales");
    assertThat(read.getInteger("capacity")).as("left out: the default").isEqualTo(100);
    assertThat(read.getJsonArray("channels")).hasSize(4);
    assertThat(read.getValue("phoneDevice")).isNull();

    assertThat(admin.delete("/api/v1/agents/crud-kim").statusCode()).isEqualTo(204);
    HttpResponse<String> gone = admin.get("/api/v1/agents/crud-kim");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(detail(gone)).contains("crud-kim");
  }

  @Test
  void theListShowsConfiguredAndApiAgentsWithTheirSource() {
    create(agentBody("list-kim"));

    JsonArray items = new JsonObject(supervisor.get("/api/v1/agents").body()).getJsonArray("items");

    assertThat(items.stream().map(JsonObject.class::cast).filter(item -> item.getString("id").equals("cfg-lee"))
        .map(item -> item.getString("source"))).containsExactly("config");
    assertThat(items.stream().map(JsonObject.class::cast).filter(item -> item.getString("id").equals("list-kim"))
        .map(item -> item.getString("source"))).containsExactly("api");
    assertThat(agentsGaugeTotal(items.size())).as("agents counted by the switchboard_agents gauge")
        .isEqualTo(items.size());
  }

  /** The sum of switchboard_agents over the states once it reaches {@code expected}, or its last value after 20 s. */
  private static int agentsGaugeTotal(int expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Http http = new Http(node.port());
    int total;
    do {
      total = http.get("/metrics").body().lines()
          .filter(line -> line.startsWith("switchboard_agents{"))
          .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
      if (total == expected) {
        return total;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    } while (System.nanoTime() < deadline);
    return total;
  }

  @Test
  void aPasswordCreatesTheAccountTheDesktopLogsInWithTheApiProfileAndAChangeAppliesAtOnce() throws Exception {
    HttpResponse<String> created = create(agentBody("desk-kim").put("password", "a long desk password"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("a long desk password");
    assertThat(new JsonObject(created.body()).getBoolean("accountCreated")).isTrue();

    String token = signIn("desk-kim", "a long desk password");
    JsonObject me = new JsonObject(new Http(node.port()).withToken(token).get("/api/v1/me").body());
    assertThat(me.getString("role")).isEqualTo("agent");
    WebSocket desk = Node.await(vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(node.port()).setURI("/agent/ws")), "open the desktop");
    CompletableFuture<JsonObject> welcome = new CompletableFuture<>();
    desk.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if ("welcome".equals(frame.getString("type"))) {
        welcome.complete(frame);
      }
    });
    desk.writeTextMessage(new JsonObject().put("type", "hello").put("token", token).encode());
    assertThat(welcome.get(10, TimeUnit.SECONDS).getJsonObject("agent").getString("id")).isEqualTo("desk-kim");

    AgentSnapshot routed = Node.await(node.routingView().agent(new AgentId("desk-kim")), "read the agent")
        .orElseThrow();
    assertThat(routed.presence().state()).isEqualTo(AgentState.NOT_READY);
    assertThat(routed.capacity()).isEqualTo(150);
    assertThat(Node.await(node.routingView().staffed(new QueueId("billing"), Channel.CHAT), "staffed")).isTrue();

    HttpResponse<String> changed = admin.put("/api/v1/agents/desk-kim", agentBody("desk-kim").put("capacity", 200)
        .encode());
    assertThat(new JsonObject(changed.body()).getString("takesEffect")).isEqualTo("now");
    assertThat(Node.await(node.routingView().agent(new AgentId("desk-kim")), "read the agent").orElseThrow()
        .capacity()).isEqualTo(200);

    HttpResponse<String> refused = admin.delete("/api/v1/agents/desk-kim");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(detail(refused)).contains("logged in").contains("log out");
    Node.await(desk.close(), "close the desktop");
  }

  @Test
  void anAgentLoggedInCannotBeDeletedUntilItLogsOut() {
    create(agentBody("busy-kim"));
    AgentId id = new AgentId("busy-kim");
    Node.await(node.router().login(AgentProfile.of(id, "Kim Minji", Map.of("billing", 7))), "log in");

    HttpResponse<String> refused = admin.delete("/api/v1/agents/busy-kim");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(detail(refused)).contains("busy-kim").contains("logged in (NOT_READY, login)");

    Node.await(node.router().logout(id), "log out");
    assertThat(admin.delete("/api/v1/agents/busy-kim").statusCode()).isEqualTo(204);
  }

  @Test
  void anApiAgentSurvivesARestartAndTheConfiguredOneStaysReadOnly() {
    create(agentBody("stays-kim"));

    try (Node restarted = startNode()) {
      Http again = TestNodes.signedInAdmin(restarted);
      JsonObject read = new JsonObject(again.get("/api/v1/agents/stays-kim").body());
      assertThat(read.getInteger("capacity")).isEqualTo(150);
      assertThat(read.getString("source")).isEqualTo("api");

      HttpResponse<String> changed = again.put("/api/v1/agents/cfg-lee", new JsonObject().encode());
      HttpResponse<String> deleted = again.delete("/api/v1/agents/cfg-lee");
      assertThat(changed.statusCode()).isEqualTo(409);
      assertThat(detail(changed)).contains("configuration file");
      assertThat(deleted.statusCode()).isEqualTo(409);
      assertThat(new JsonObject(again.get("/api/v1/agents/cfg-lee").body()).getString("displayName"))
          .isEqualTo("Lee from the file");
    }
  }

  @Test
  void badInputIsRefusedWithAProblemNamingWhatIsWrong() {
    assertBad(agentBody("bad-1").put("skills", new JsonObject().put("biling", 5)),
        "unknown skill 'biling'", "[billing, korean, sales]");
    assertBad(agentBody("bad-2").put("skills", new JsonObject().put("billing", 11)), "skills.billing", "1 to 10");
    assertBad(agentBody("bad-3").put("skills", new JsonObject().put("billing", 2.5)), "skills.billing", "whole number");
    assertBad(agentBody("bad-4").put("channels", new JsonArray().add("sms")), "unknown channel 'sms'",
        "voice, chat, email, callback");
    assertBad(agentBody("bad-5").put("channels", new JsonArray()), "'channels'", "at least one");
    assertBad(agentBody("bad-6").put("capacity", 0), "'capacity'", "1 to 10000");
    assertBad(agentBody("bad-7").put("maxPerChannel", new JsonObject().put("email", 2)), "does not take email");
    assertBad(agentBody("bad-8").put("maxPerChannel", new JsonObject().put("chat", 0)), "maxPerChannel.chat");
    assertBad(agentBody("Bad-Upper"), "'Bad-Upper'", "lower-case");
    assertBad(agentBody("bad-9").put("skill", new JsonObject()), "Unknown field(s) [skill]");
    assertBad(agentBody("bad-10").put("phoneDevice", "1001"), "'phoneDevice'", "PJSIP/1001");
    assertBad(agentBody("bad-11").put("password", "short"), "'password'", "10 to 128");
    assertThat(create(agentBody("bad-11").put("password", "short")).body()).doesNotContain("short\"");
    assertThat(admin.get("/api/v1/agents/bad-1").statusCode()).isEqualTo(404);
  }

  @Test
  void duplicatesAndTakenAccountsAreConflictsThatWriteNothing() {
    assertThat(create(agentBody("twice")).statusCode()).isEqualTo(201);
    HttpResponse<String> again = create(agentBody("twice"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(detail(again)).contains("PUT /api/v1/agents/twice");

    HttpResponse<String> taken = create(agentBody("api-boss").put("password", "another long password"));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(detail(taken)).contains("Account 'api-boss' already exists").contains("leave 'password' out");
    assertThat(admin.get("/api/v1/agents/api-boss").statusCode()).isEqualTo(404);
    assertThat(admin.put("/api/v1/agents/nobody", new JsonObject().encode()).statusCode()).isEqualTo(404);
  }

  @Test
  void supervisorsReadButOnlyAdminsWriteAndAgentsSeeNothing() {
    create(agentBody("roles-kim"));

    assertThat(supervisor.get("/api/v1/agents/roles-kim").statusCode()).isEqualTo(200);
    HttpResponse<String> write = supervisor.post("/api/v1/agents", "application/json", agentBody("sup-kim").encode());
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(detail(write)).contains("admin role");
    assertThat(supervisor.put("/api/v1/agents/roles-kim", new JsonObject().encode()).statusCode()).isEqualTo(403);
    assertThat(supervisor.delete("/api/v1/agents/roles-kim").statusCode()).isEqualTo(403);
    assertThat(agent.get("/api/v1/agents").statusCode()).isEqualTo(403);
    assertThat(new Http(node.port()).get("/api/v1/agents").statusCode()).isEqualTo(401);
    assertThat(admin.get("/api/v1/agents/roles-kim").statusCode()).isEqualTo(200);
  }

  private static void assertBad(JsonObject body, String... mentions) {
    HttpResponse<String> response = create(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(detail(response)).contains(mentions);
  }
}
