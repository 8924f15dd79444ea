package dev.switchboard.gateway.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.sim.AgentBehaviour;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.channels.phone.sim.SimCall;
import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.PbxSettings;
import dev.switchboard.config.PhoneSection;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.Secret;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Http;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.Role;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node with a phone section pointed at the PBX simulator over real TCP (AMI and FastAGI), a real Redis
 * and real desktop WebSockets: a call is popped on the agent's desktop, accepted, connected in the PBX,
 * hung up from the desktop and wrapped up into the customer's timeline.
 */
class PhoneDeskIT {

  private static final String PASSWORD = "phone-desk-password";
  private static final Set<String> DISPOSITIONS = Set.of("resolved", "follow-up");
  private static PbxSimulator pbx;
  private static Node node;
  private static Vertx client;

  @BeforeAll
  static void start() {
    client = Vertx.vertx();
    int agiPort = freePort();
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret").agiServer(agiPort).start();
    pbx.agentBehaviour("1001", AgentBehaviour.RING);
    SwitchboardConfig config = config(TestRedis.freshCenter())
        .withPhone(Optional.of(phone(pbx.amiPort(), "s3cret", agiPort)));
    node = Node.start(config, routing(), DeskSettings.defaults().withPhoneLabel("simulated PBX"),
        Optional.of(new FakeConversations(client)));
    for (String agent : List.of("ann", "cho")) {
      await(node.accounts().ensure(new AccountId(agent), "Agent " + agent, Role.AGENT, PASSWORD));
    }
  }

  @AfterAll
  static void stop() {
    node.close();
    pbx.close();
    client.close();
  }

  @Test
  void aCallPopsTheCallerIsConnectedOnAcceptAndHangingUpFromTheDesktopWrapsItUp() {
    CustomerId customer = customer("phone-1", "Kim Minji", "gold", "010-2345-6789");
    eventually(() -> ready().statusCode() == 200, "readiness with the AMI link up");
    assertThat(ready().body()).contains("\"phone-pbx1\"");
    try (DeskClient desk = signedIn("ann")) {
      assertThat(desk.command("presence", new JsonObject().put("state", "READY")).getBoolean("ok")).isTrue();
      SimCall call = pbx.incomingCall("01023456789", "route?queue=phones");

      JsonObject offer = desk.next("offer");
      assertThat(offer.getString("channel")).isEqualTo("voice");
      assertThat(offer.getJsonObject("customer").getString("name")).isEqualTo("Kim Minji");
      assertThat(offer.getJsonObject("match").getString("how")).isEqualTo("phone");
      assertThat(offer.getJsonObject("match").getString("value")).isEqualTo("+821023456789");
      assertThat(offer.getJsonObject("match").getString("explanation")).isEqualTo("Matched on caller number +821023456789");
      ContactId contact = new ContactId(offer.getString("contact"));
      eventually(() -> pbx.liveChannels().stream().anyMatch(name -> name.startsWith("PJSIP/1001-")), "ann's phone rings");

      assertThat(desk.command("accept", new JsonObject().put("contact", contact.value())).getBoolean("ok")).isTrue();
      call.answerRinging();
      eventually(() -> call.agentChannel().isPresent(), "caller and ann bridged in the PBX");
      assertThat(state(contact)).isEqualTo(ContactState.ACTIVE);
      assertThat(pbx.actionsReceived()).as("the caller is never sent back to holding")
          .noneMatch(action -> action.getOr("Context", "").equals("switchboard-holding"));

      JsonObject hangup = desk.command("call-hangup", new JsonObject().put("contact", contact.value()));
      assertThat(hangup.getBoolean("ok")).as(hangup.encode()).isTrue();
      eventually(() -> !call.isLive(), "the caller's channel hung up");
      eventually(() -> pbx.liveChannels().stream().noneMatch(name -> name.startsWith("PJSIP/1001-")),
          "ann's phone hung up with the caller", PhoneDeskIT::pbxState);
      desk.next(frame -> "contact".equals(frame.getString("type")) && "WRAP_UP".equals(frame.getString("state")),
          "the call in wrap-up");
      JsonObject wrapUp = desk.command("wrapup", new JsonObject().put("contact", contact.value())
          .put("disposition", "resolved").put("notes", "asked about the invoice"));
      assertThat(wrapUp.getBoolean("ok")).as(wrapUp.encode()).isTrue();
      eventually(() -> await(node.directory().timeline(customer, Optional.empty(), 10)).entries().stream()
          .anyMatch(entry -> contact.value().equals(entry.details().get("contact"))), "the call in the timeline");
    }
    String metrics = new Http(node.port()).get("/metrics").body();
    assertThat(metric(metrics, "switchboard_ami_events_total{pbx=\"pbx1\"}")).as("the call's AMI events counted")
        .isGreaterThanOrEqualTo(10);
    assertThat(metric(metrics, "switchboard_ami_up{pbx=\"pbx1\"}")).isEqualTo(1);
    assertThat(metric(metrics, "switchboard_ami_event_lag_seconds{pbx=\"pbx1\"}")).as("lag from Timestamp:")
        .isBetween(0.0, 5.0);
    assertThat(metric(metrics, "switchboard_ami_dropped_events_total{pbx=\"pbx1\"}")).isZero();
    assertThat(metrics).contains("switchboard_ami_reconnects_total{pbx=\"pbx1\"}");
  }

  /** The value of one series in a Prometheus scrape, failing the test when it is missing. */
  private static double metric(String scrape, String series) {
    return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .orElseThrow(() -> new AssertionError(series + " not in /metrics"));
  }

  @Test
  void hangingUpRightAfterAcceptingWhileThePhoneStillRingsWrapsTheCallUp() {
    try (DeskClient desk = signedIn("ann")) {
      desk.command("presence", new JsonObject().put("state", "READY"));
      SimCall call = pbx.incomingCall("025550123", "route?queue=phones");
      JsonObject offer = desk.next("offer");
      assertThat(offer.getJsonObject("match").getString("explanation")).startsWith("No customer holds the number");
      ContactId contact = new ContactId(offer.getString("contact"));
      eventually(() -> pbx.liveChannels().stream().anyMatch(name -> name.startsWith("PJSIP/1001-")), "ann's phone rings");

      assertThat(desk.command("accept", new JsonObject().put("contact", contact.value())).getBoolean("ok")).isTrue();
      JsonObject hangup = desk.command("call-hangup", new JsonObject().put("contact", contact.value()));
      assertThat(hangup.getBoolean("ok")).as(hangup.encode()).isTrue();
      desk.next(frame -> "contact".equals(frame.getString("type")) && "WRAP_UP".equals(frame.getString("state")),
          "the call in wrap-up");
      eventually(() -> !call.isLive(), "the caller's channel hung up");
      eventually(() -> pbx.liveChannels().stream().noneMatch(name -> name.startsWith("PJSIP/1001-")),
          "ann's phone stops ringing", PhoneDeskIT::pbxState);
      assertThat(desk.command("wrapup", new JsonObject().put("contact", contact.value()).put("disposition", "resolved"))
          .getBoolean("ok")).isTrue();
    }
  }

  @Test
  void callCommandsRefuseContactsThatAreNotThisAgentsCallsAndBadTargets() {
    try (DeskClient desk = signedIn("cho")) {
      JsonObject unknown = desk.command("call-hangup", new JsonObject().put("contact", "no-such-call"));
      assertThat(unknown.getString("code")).isEqualTo("unknown-contact");

      ContactId someoneElses = await(node.router().enqueue(ContactRequest.of(Channel.VOICE, new QueueId("parked"))))
          .contact();
      JsonObject notMine = desk.command("call-hold", new JsonObject().put("contact", someoneElses.value()));
      assertThat(notMine.getString("code")).isEqualTo("contact-state");
      assertThat(notMine.getString("error")).contains("not yours");

      JsonObject twoTargets = desk.command("call-transfer", new JsonObject().put("contact", someoneElses.value())
          .put("agent", "ann").put("queue", "phones"));
      assertThat(twoTargets.getString("code")).isEqualTo("bad-request");
      assertThat(twoTargets.getString("error")).contains("exactly one of 'agent', 'queue' or 'number'");
      JsonObject badNumber = desk.command("call-transfer", new JsonObject().put("contact", someoneElses.value())
          .put("number", "12ab"));
      assertThat(badNumber.getString("code")).isEqualTo("bad-request");
      assertThat(badNumber.getString("error")).contains("12ab");
      JsonObject consultQueue = desk.command("call-consult", new JsonObject().put("contact", someoneElses.value())
          .put("queue", "phones"));
      assertThat(consultQueue.getString("code")).isEqualTo("bad-request");
      assertThat(consultQueue.getString("error")).contains("a queue cannot be consulted");
      JsonObject badDial = desk.command("dial", new JsonObject().put("number", "not a number"));
      assertThat(badDial.getString("code")).isEqualTo("bad-request");

      desk.command("presence", new JsonObject().put("state", "READY"));
      ContactId chat = await(node.router().enqueue(ContactRequest.of(Channel.CHAT, new QueueId("chats")))).contact();
      desk.next("offer");
      desk.command("accept", new JsonObject().put("contact", chat.value()));
      JsonObject notACall = desk.command("call-hangup", new JsonObject().put("contact", chat.value()));
      assertThat(notACall.getString("code")).isEqualTo("bad-request");
      assertThat(notACall.getString("error")).contains("works on phone calls only");
    }
  }

  @Test
  void aRefusedAmiLoginMakesTheNodeNotReadyWithTheReason() {
    SwitchboardConfig config = config(TestRedis.freshCenter())
        .withPhone(Optional.of(phone(pbx.amiPort(), "wrong-secret", freePort())));
    try (Node refused = Node.start(config)) {
      Http http = new Http(refused.port());
      eventually(() -> http.get("/ready").body().contains("LOGIN_REJECTED"),
          "the refused login in readiness");
      HttpResponse<String> response = http.get("/ready");
      assertThat(response.statusCode()).isEqualTo(503);
      JsonObject check = new JsonObject(response.body()).getJsonObject("checks").getJsonObject("phone-pbx1");
      assertThat(check.getString("status")).isEqualTo("DOWN");
      assertThat(check.getString("detail")).contains("rejected for user 'cti'").contains("manager.conf");
    }
  }

  private static ConfiguredRouting routing() {
    List<QueuePolicy> queues = List.of(
        QueuePolicy.of(new QueueId("phones"), EnumSet.of(Channel.VOICE), Map.of("phones", 1))
            .withWrapUp(Duration.ofSeconds(60), DISPOSITIONS),
        QueuePolicy.of(new QueueId("chats"), EnumSet.of(Channel.CHAT), Map.of("chats", 1)),
        QueuePolicy.of(new QueueId("parked"), EnumSet.of(Channel.VOICE), Map.of("parked", 1)));
    List<AgentProfile> agents = List.of(
        AgentProfile.of(new AgentId("ann"), "Agent ann", Map.of("phones", 5)).withPhoneDevice("PJSIP/1001"),
        AgentProfile.of(new AgentId("cho"), "Agent cho", Map.of("chats", 5)).withPhoneDevice("PJSIP/1003"));
    RoutingRules rules = new RoutingRules(Set.of("phones", "chats", "parked"), Set.of("break"), ChannelCosts.defaults(), queues);
    return ConfiguredRouting.of(rules, RoutingSettings.defaults().withOfferTimeout(Duration.ofSeconds(20)), agents);
  }

  static PhoneSection phone(int amiPort, String secret, int agiPort) {
    return PhoneSection.defaults(List.of(new PbxSettings("pbx1", "127.0.0.1", amiPort, "cti",
        new Secret("AMI_SECRET", secret), agiPort, Duration.ofSeconds(5), Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(20)))).withAgiBindAddress("127.0.0.1");
  }

  static SwitchboardConfig config(String center) {
    return new SwitchboardConfig(
        new ServerSettings("127.0.0.1", freePort(), 64 * 1024, 8 * 1024 * 1024, Duration.ofSeconds(1)),
        new RedisSettings(Optional.of(TestRedis.uri()), Optional.empty(), center, Path.of("target/unused-data"),
            Duration.ofSeconds(2), Duration.ofSeconds(3)),
        new DirectorySettings("KR", 50), Optional.empty());
  }

  private static ContactState state(ContactId contact) {
    return await(node.routingView().contact(contact)).orElseThrow().state();
  }

  private static CustomerId customer(String id, String name, String tier, String phone) {
    JsonObject json = new JsonObject().put("id", id).put("name", name).put("tier", tier)
        .put("phones", new JsonArray().add(phone));
    return await(node.directory().save(new CustomerJson(new IdentityNormalizer("KR")).fromJson(json))).id();
  }

  private static DeskClient signedIn(String agent) {
    DeskClient desk = DeskClient.open(client, node.port());
    desk.hello(token(agent), null);
    return desk;
  }

  private static String token(String account) {
    HttpResponse<String> response = new Http(node.port()).post("/api/v1/sessions", "application/json",
        new JsonObject().put("account", account).put("password", PASSWORD).encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getString("token");
  }

  private static HttpResponse<String> ready() {
    return new Http(node.port()).get("/ready");
  }

  static void eventually(BooleanSupplier condition, String what) {
    eventually(condition, what, () -> "");
  }

  /** As {@link #eventually(BooleanSupplier, String)}, saying what {@code state} shows when it fails. */
  static void eventually(BooleanSupplier condition, String what, java.util.function.Supplier<String> state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within 15 s" + state.get());
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** The simulated PBX's live channels and the actions it received, for a failure message. */
  private static String pbxState() {
    return "; live channels " + pbx.liveChannels() + ", actions received " + pbx.actionsReceived().stream()
        .map(action -> action.getOr("Action", "?") + " " + action.getOr("Channel", "") + " "
            + action.getOr("Context", "")).toList();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer within 10 s: " + e, e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
