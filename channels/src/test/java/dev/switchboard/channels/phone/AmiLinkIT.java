package dev.switchboard.channels.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.PhoneEvent.CallAnswered;
import dev.switchboard.channels.phone.PhoneEvent.CallBridged;
import dev.switchboard.channels.phone.PhoneEvent.CallHungUp;
import dev.switchboard.channels.phone.PhoneEvent.CallLeftBridge;
import dev.switchboard.channels.phone.PhoneEvent.CallStarted;
import dev.switchboard.channels.phone.PhoneEvent.DialEnded;
import dev.switchboard.channels.phone.PhoneEvent.DialStarted;
import dev.switchboard.channels.phone.sim.AmiMessage;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.channels.phone.sim.SimCall;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmiLinkIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Vertx vertx = Vertx.vertx();
  private final List<PhoneEvent> events = new CopyOnWriteArrayList<>();
  private final List<Thread> listenerThreads = new CopyOnWriteArrayList<>();
  private PbxSimulator pbx;
  private AmiLink link;

  @AfterEach
  void tearDown() throws Exception {
    if (link != null) {
      link.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (pbx != null) {
      pbx.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void translatesCallLifecycleInOrderOnTheVertxContext() {
    connect("cti", "s3cret");
    SimCall call = pbx.waitingCall("+4930123456");
    String agentChannel = call.answeredBy("1001").agentChannel().orElseThrow();
    call.agentHangsUp();

    awaitEvent(CallHungUp.class, call.uniqueId());
    assertThat(typesOf(call.uniqueId())).as("%s", eventsOf(call.uniqueId())).containsExactly(CallStarted.class, CallAnswered.class,
        DialStarted.class, DialEnded.class, CallBridged.class, CallLeftBridge.class, CallHungUp.class);
    CallStarted started = (CallStarted) eventsOf(call.uniqueId()).get(0);
    assertThat(started.callerIdNumber()).contains("+4930123456");
    assertThat(started.call().channel()).isEqualTo(call.channel());
    assertThat(started.origin()).isEqualTo(PhoneEvent.Origin.LIVE);
    DialEnded dialEnded = (DialEnded) eventsOf(call.uniqueId()).get(3);
    assertThat(dialEnded.answered()).isTrue();
    assertThat(dialEnded.destination().channel()).isEqualTo(agentChannel);
    CallHungUp hungUp = (CallHungUp) eventsOf(call.uniqueId()).get(6);
    assertThat(hungUp.cause()).isEqualTo(new HangupCause(16, "Normal Clearing"));
    assertThat(listenerThreads).allMatch(thread -> thread.getName().startsWith("vert.x-eventloop"));
    assertThat(link.metrics().eventsReceived()).isGreaterThan(10);
  }

  @Test
  void refusedLoginGivesClearErrorAndIsRetriedUntilFixed() {
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret").start();
    link = new AmiLink(vertx, settings("callcenter", "wrong"), events::add);
    link.start();

    Await.until(WAIT, () -> link.status().state() == AmiStatus.State.LOGIN_REJECTED, () -> "" + link.status());
    assertThat(link.status().problem()).contains("AMI login to 127.0.0.1:" + pbx.amiPort()
        + " rejected for user 'callcenter': check [callcenter] in manager.conf and this PBX's username and secret"
        + " in phone.pbxs");
    assertThat(link.status().isReady()).isFalse();
    Await.until(WAIT, () -> loginsReceived() >= 3, () -> loginsReceived() + " logins");

    pbx.addAmiUser("callcenter", "wrong");
    Await.until(WAIT, () -> link.status().isReady(), () -> "" + link.status());
    assertThat(link.status().problem()).isEmpty();
  }

  @Test
  void ignoresDuplicateLateUnknownAndForeignEvents() {
    connect("cti", "s3cret");
    pbx.publishEvent(event("Hangup", "1699999999.77", "PJSIP/ghost-00000099")
        .add("Cause", 16).add("Cause-txt", "Normal Clearing").build());
    pbx.publishEvent(event("Newstate", "1699999999.78", "PJSIP/ghost-00000098")
        .add("ChannelState", 6).add("ChannelStateDesc", "Up").build());
    pbx.publishEvent(AmiMessage.builder().add("Event", "FrobnicatedWidget").add("Privilege", "call,all")
        .add("Timestamp", pbx.timestamp()).add("Widget", "42").build());
    SimCall call = pbx.waitingCall("+4930123456");
    awaitEvent(CallAnswered.class, call.uniqueId());

    pbx.publishEvent(event("Newchannel", call.uniqueId(), call.channel()).add("ChannelState", 0).build());
    pbx.publishEvent(event("Newstate", call.uniqueId(), call.channel()).add("ChannelState", 6).build());
    call.abandon();
    awaitEvent(CallHungUp.class, call.uniqueId());
    pbx.publishEvent(event("Newstate", call.uniqueId(), call.channel()).add("ChannelState", 6).build());
    pbx.publishEvent(event("Hangup", call.uniqueId(), call.channel()).add("Cause", 16).build());
    SimCall next = pbx.waitingCall("+4930654321");
    awaitEvent(CallAnswered.class, next.uniqueId());

    assertThat(typesOf(call.uniqueId())).containsExactly(CallStarted.class, CallAnswered.class, CallHungUp.class);
    assertThat(events).noneMatch(event -> event.call().channel().contains("ghost"));
    assertThat(link.status().isReady()).isTrue();
  }

  @Test
  void malformedLinesDoNotKillTheLink() {
    connect("cti", "s3cret");
    pbx.publishRawText("this line has no colon\r\n: nameless\r\nEvent: Newstate\r\nUniqueid\r\n\r\n"
        + "Event: Hangup\r\nPrivilege: call,all\r\nTimestamp: not-a-number\r\n\r\n"
        + "Event: DialBegin\r\nUniqueid: \r\nDestChannel: \r\n\r\n");
    SimCall call = pbx.waitingCall("+4930123456");
    call.abandon();

    awaitEvent(CallHungUp.class, call.uniqueId());
    assertThat(typesOf(call.uniqueId())).as("%s", eventsOf(call.uniqueId())).containsExactly(CallStarted.class, CallAnswered.class, CallHungUp.class);
    assertThat(link.metrics().reconnects()).isZero();
    assertThat(pbx.amiSessions()).isEqualTo(1);
  }

  @Test
  void reconnectsAndResyncsSoCallsThatEndedMeanwhileAreReportedEnded() {
    connect("cti", "s3cret");
    SimCall survivor = pbx.waitingCall("+4930111111");
    SimCall leaver = pbx.waitingCall("+4930222222");
    awaitEvent(CallAnswered.class, leaver.uniqueId());

    pbx.suspendAmi();
    Await.until(WAIT, () -> !link.status().isReady(), () -> "link still " + link.status());
    assertThat(link.status().problem()).hasValueSatisfying(problem -> assertThat(problem).contains("lost"));
    leaver.abandon();
    SimCall newcomer = pbx.waitingCall("+4930333333");
    pbx.resumeAmi();

    awaitEvent(CallHungUp.class, leaver.uniqueId());
    awaitEvent(CallStarted.class, newcomer.uniqueId());
    CallHungUp ended = (CallHungUp) lastEventOf(leaver.uniqueId());
    assertThat(ended.cause().endedWhileDisconnected()).isTrue();
    CallStarted appeared = (CallStarted) eventsOf(newcomer.uniqueId()).get(0);
    assertThat(appeared.origin()).isEqualTo(PhoneEvent.Origin.RESYNC);
    assertThat(appeared.answered()).isTrue();
    assertThat(typesOf(survivor.uniqueId())).doesNotContain(CallHungUp.class);
    assertThat(link.metrics().reconnects()).isEqualTo(1);

    survivor.abandon();
    awaitEvent(CallHungUp.class, survivor.uniqueId());
    CallHungUp normal = (CallHungUp) lastEventOf(survivor.uniqueId());
    assertThat(normal.cause().code()).isEqualTo(16);
  }

  @Test
  void droppedConnectionMidCallReconnectsAndKeepsTheLiveCall() {
    connect("cti", "s3cret");
    SimCall call = pbx.waitingCall("+4930123456");
    awaitEvent(CallAnswered.class, call.uniqueId());

    pbx.dropAmiConnections();
    Await.until(WAIT, () -> link.metrics().reconnects() == 1 && link.status().isReady(), () -> "" + link.status());
    call.answeredBy("1001");

    awaitEvent(CallBridged.class, call.uniqueId());
    assertThat(typesOf(call.uniqueId())).doesNotContain(CallHungUp.class).containsOnlyOnce(CallStarted.class);
  }

  @Test
  void actionsReachThePbxAndErrorsSayWhatFailed() throws Exception {
    connect("cti", "s3cret");
    SimCall call = pbx.waitingCall("+4930123456");
    awaitEvent(CallAnswered.class, call.uniqueId());

    List<LiveChannel> live = await(link.liveChannels());
    assertThat(live).extracting(channel -> channel.call().channel()).contains(call.channel());
    await(link.redirect(call.channel(), "switchboard-connect", "1001", 1));
    awaitEvent(CallBridged.class, call.uniqueId());
    await(link.originate(new OriginateRequest("PJSIP/1002", "switchboard-connect", "+4930999",
        java.util.Optional.of("Switchboard <100>"), Duration.ofSeconds(20), java.util.Map.of("SB", "1"))));
    assertThat(pbx.awaitAction("Originate", WAIT).get("Channel")).contains("PJSIP/1002");
    await(link.hangup(call.channel()));
    awaitEvent(CallHungUp.class, call.uniqueId());

    Future<Void> missing = link.redirect("PJSIP/nobody-00000000", "switchboard-connect", "1001", 1);
    Await.until(WAIT, missing::isComplete, () -> "redirect to finish");
    assertThat(missing.cause()).isInstanceOf(AmiActionException.class)
        .hasMessageContaining("Redirect of PJSIP/nobody-00000000")
        .hasMessageContaining("Channel specified does not exist");
  }

  @Test
  void originateToALocalChannelShowsBothHalvesLinked() throws Exception {
    connect("cti", "s3cret");

    await(link.originate(new OriginateRequest("Local/1001@switchboard-connect", "switchboard-click-to-dial",
        "+4930123456", java.util.Optional.empty(), Duration.ofSeconds(20), java.util.Map.of())));

    Await.until(WAIT, () -> events.stream().filter(CallAnswered.class::isInstance).count() == 2,
        () -> "both halves answered: " + events);
    List<CallStarted> halves = events.stream().filter(CallStarted.class::isInstance).map(CallStarted.class::cast)
        .toList();
    assertThat(halves).extracting(started -> started.call().channel())
        .allMatch(name -> name.startsWith("Local/1001@switchboard-connect-"))
        .anyMatch(name -> name.endsWith(";1")).anyMatch(name -> name.endsWith(";2"));
    assertThat(halves).extracting(CallStarted::linkedId).containsOnly(halves.get(0).call().uniqueId());
  }

  @Test
  void actionsFailFastWhileTheLinkIsDown() {
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret").start();
    link = new AmiLink(vertx, settings("cti", "bad"), events::add);
    link.start();
    Await.until(WAIT, () -> link.status().state() == AmiStatus.State.LOGIN_REJECTED, () -> "" + link.status());

    Future<Void> hangup = link.hangup("PJSIP/1001-00000001");
    Await.until(WAIT, hangup::isComplete, () -> "hangup to fail");
    assertThat(hangup.cause()).isInstanceOf(AmiActionException.class)
        .hasMessageContaining("not sent").hasMessageContaining("LOGIN_REJECTED");
  }

  @Test
  void measuresEventLagFromAsteriskTimestamps() {
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret")
        .clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-3))).start();
    link = new AmiLink(vertx, settings("cti", "s3cret"), events::add);
    link.start();
    Await.until(WAIT, () -> link.status().isReady(), () -> "" + link.status());
    SimCall call = pbx.waitingCall("+4930123456");
    awaitEvent(CallAnswered.class, call.uniqueId());

    assertThat(link.metrics().lastEventLagMillis()).isBetween(2_900L, 10_000L);
    assertThat(link.metrics().eventsReceived()).isGreaterThanOrEqualTo(4);
  }

  private void connect(String username, String secret) {
    pbx = PbxSimulator.builder().amiUser(username, secret).start();
    link = new AmiLink(vertx, settings(username, secret), event -> {
      listenerThreads.add(Thread.currentThread());
      events.add(event);
    });
    link.start();
    Await.until(WAIT, () -> link.status().isReady(), () -> "AMI link ready, is " + link.status());
  }

  private AmiSettings settings(String username, String secret) {
    return AmiSettings.of("127.0.0.1", pbx.amiPort(), username, secret)
        .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400))
        .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));
  }

  private long loginsReceived() {
    return pbx.actionsReceived().stream().filter(action -> action.getOr("Action", "").equals("Login")).count();
  }

  private AmiMessage.Builder event(String type, String uniqueId, String channel) {
    return AmiMessage.builder().add("Event", type).add("Privilege", "call,all")
        .add("Timestamp", pbx.timestamp()).add("Channel", channel).add("Uniqueid", uniqueId)
        .add("Linkedid", uniqueId);
  }

  private void awaitEvent(Class<? extends PhoneEvent> type, String uniqueId) {
    Await.until(WAIT, () -> typesOf(uniqueId).contains(type),
        () -> type.getSimpleName() + " for " + uniqueId + "; got " + eventsOf(uniqueId));
  }

  private List<PhoneEvent> eventsOf(String uniqueId) {
    return events.stream().filter(event -> event.call().uniqueId().equals(uniqueId)).toList();
  }

  private PhoneEvent lastEventOf(String uniqueId) {
    List<PhoneEvent> seen = eventsOf(uniqueId);
    return seen.get(seen.size() - 1);
  }

  private List<Class<?>> typesOf(String uniqueId) {
    return eventsOf(uniqueId).stream().<Class<?>>map(Object::getClass).toList();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
