package dev.switchboard.channels.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.PhoneEvent.CallBridged;
import dev.switchboard.channels.phone.PhoneEvent.CallHungUp;
import dev.switchboard.channels.phone.PhoneEvent.CallLeftBridge;
import dev.switchboard.channels.phone.PhoneEvent.CallStarted;
import dev.switchboard.channels.phone.PhoneEvent.DialEnded;
import dev.switchboard.channels.phone.PhoneEvent.DialStarted;
import dev.switchboard.channels.phone.sim.AgentBehaviour;
import dev.switchboard.channels.phone.sim.LoadRun;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.channels.phone.sim.SimCall;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whole-call scenarios: simulator → FastAGI entry and AMI link → fake intake. */
class PbxScenariosIT {

  private static final Logger log = LoggerFactory.getLogger(PbxScenariosIT.class);
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final Vertx vertx = Vertx.vertx();
  private final RecordingIntake intake = new RecordingIntake();
  private final List<PhoneEvent> events = new CopyOnWriteArrayList<>();
  private CallerHangupRelay hangups;
  private FastAgiEntry entry;
  private AmiLink link;
  private PbxSimulator pbx;

  @BeforeEach
  void start() throws Exception {
    int agiPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      agiPort = socket.getLocalPort();
    }
    hangups = new CallerHangupRelay(vertx.getOrCreateContext(), intake);
    entry = new FastAgiEntry(vertx, new FastAgiSettings("127.0.0.1", agiPort, 100, Duration.ofSeconds(2)), intake,
        new GermanNormalizer(), hangups);
    await(entry.start());
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret").agiServer(agiPort).start();
    link = new AmiLink(vertx, AmiSettings.of("127.0.0.1", pbx.amiPort(), "cti", "s3cret"), event -> {
      events.add(event);
      hangups.onEvent(event);
    });
    await(link.start());
    Await.until(WAIT, () -> link.status().isReady(), () -> "" + link.status());
  }

  @AfterEach
  void stop() throws Exception {
    await(link.stop());
    await(entry.stop());
    pbx.close();
    await(vertx.close());
  }

  @Test
  void agentWhoDoesNotAnswerSendsTheCallerBackToHoldThenTheNextAgentTakesIt() throws Exception {
    SimCall call = queuedCall("+4930123456");
    pbx.agentBehaviour("1001", AgentBehaviour.NO_ANSWER);

    await(link.redirect(call.channel(), "switchboard-connect", "1001", 1));
    Await.until(WAIT, () -> typesOf(call.uniqueId()).contains(DialEnded.class), () -> "" + eventsOf(call.uniqueId()));
    DialEnded missed = only(call.uniqueId(), DialEnded.class).get(0);
    assertThat(missed.dialStatus()).isEqualTo("NOANSWER");
    Await.until(WAIT, () -> eventsOf(missed.destination().uniqueId()).stream().anyMatch(CallHungUp.class::isInstance),
        () -> "agent leg ended");
    assertThat(only(missed.destination().uniqueId(), CallHungUp.class).get(0).cause().code()).isEqualTo(19);
    assertThat(call.isLive()).isTrue();

    await(link.redirect(call.channel(), "switchboard-connect", "1002", 1));
    Await.until(WAIT, () -> typesOf(call.uniqueId()).contains(CallBridged.class), () -> "" + eventsOf(call.uniqueId()));
    assertThat(only(call.uniqueId(), DialStarted.class)).extracting(DialStarted::dialString)
        .containsExactly("1001", "1002");
    assertThat(intake.hangups).isEmpty();
  }

  @Test
  void transferMovesTheCallerToANewAgentInANewBridge() {
    SimCall call = queuedCall("+4930123456");
    String firstAgent = call.answeredBy("1001").agentChannel().orElseThrow();
    call.transferTo("1002");

    Await.until(WAIT, () -> only(call.uniqueId(), CallBridged.class).size() == 2, () -> "" + eventsOf(call.uniqueId()));
    List<CallBridged> bridges = only(call.uniqueId(), CallBridged.class);
    assertThat(bridges.get(0).bridgeId()).isNotEqualTo(bridges.get(1).bridgeId());
    assertThat(only(call.uniqueId(), CallLeftBridge.class)).hasSize(1);
    assertThat(events).anyMatch(event -> event instanceof CallHungUp && event.call().channel().equals(firstAgent));
    assertThat(call.agentChannel()).isPresent().get().isNotEqualTo(firstAgent);

    call.agentHangsUp();
    Await.until(WAIT, () -> intake.hangups.size() == 1, () -> "caller hangup relayed");
  }

  @Test
  void loadOfIncomingCallsIsQueuedAndEveryHangupIsReported() throws Exception {
    int perSecond = 40;
    LoadRun load = pbx.startLoad(perSecond, Duration.ofSeconds(2), Duration.ofMillis(200));

    LoadRun.Report report = load.report().get(30, TimeUnit.SECONDS);
    assertThat(report.started()).isEqualTo(80);
    assertThat(report.queued()).isEqualTo(80);
    assertThat(report.failed()).isZero();
    Await.until(WAIT, () -> intake.hangups.size() == 80, () -> intake.hangups.size() + " hangups relayed");
    assertThat(events.stream().filter(CallStarted.class::isInstance).count()).isEqualTo(80);
    assertThat(hangups.watching()).isZero();
    log.info("load {} calls/s: AGI p50 {} ms, p99 {} ms, {} AMI events, max event lag {} ms", perSecond,
        report.agiPercentileMillis(50), report.agiPercentileMillis(99), link.metrics().eventsReceived(),
        link.metrics().maxEventLagMillis());
  }

  private SimCall queuedCall(String callerId) {
    SimCall call = pbx.incomingCall(callerId, "route?queue=support");
    assertThat(call.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "QUEUED");
    Await.until(WAIT, () -> typesOf(call.uniqueId()).contains(CallStarted.class), () -> "call seen on AMI");
    return call;
  }

  private List<PhoneEvent> eventsOf(String uniqueId) {
    return events.stream().filter(event -> event.call().uniqueId().equals(uniqueId)).toList();
  }

  private <T extends PhoneEvent> List<T> only(String uniqueId, Class<T> type) {
    return eventsOf(uniqueId).stream().filter(type::isInstance).map(type::cast).toList();
  }

  private List<Class<?>> typesOf(String uniqueId) {
    return eventsOf(uniqueId).stream().<Class<?>>map(Object::getClass).toList();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
  }
}
