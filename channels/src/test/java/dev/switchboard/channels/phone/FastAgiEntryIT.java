package dev.switchboard.channels.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.channels.phone.sim.SimCall;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FastAgiEntryIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Vertx vertx = Vertx.vertx();
  private final RecordingIntake intake = new RecordingIntake();
  private CallerHangupRelay hangups;
  private FastAgiEntry entry;
  private PbxSimulator pbx;
  private AmiLink link;

  @BeforeEach
  void start() throws Exception {
    int port = freePort();
    hangups = new CallerHangupRelay(vertx.getOrCreateContext(), intake);
    entry = new FastAgiEntry(vertx, new FastAgiSettings("127.0.0.1", port, 20, Duration.ofMillis(800)), intake,
        new GermanNormalizer(), hangups);
    await(entry.start());
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret").agiServer(port).start();
  }

  @AfterEach
  void stop() throws Exception {
    if (link != null) {
      await(link.stop());
    }
    await(entry.stop());
    pbx.close();
    await(vertx.close());
  }

  @Test
  void queuesCallWithNormalizedCallerIdAndLeavesDialplanVariables() {
    SimCall call = pbx.incomingCall("030 1234567", "route?queue=support");

    Map<String, String> variables = call.awaitAgi(WAIT);
    assertThat(variables).containsEntry("SWITCHBOARD_STATUS", "QUEUED")
        .containsEntry("SWITCHBOARD_CONTACT", "contact-1");
    assertThat(intake.calls).singleElement().satisfies(incoming -> {
      assertThat(incoming.callerId()).contains("+49301234567");
      assertThat(incoming.rawCallerId()).isEqualTo("030 1234567");
      assertThat(incoming.queue()).isEqualTo("support");
      assertThat(incoming.call()).isEqualTo(new CallRef(call.uniqueId(), call.channel()));
    });
    assertThat(intake.enqueueThreads).allMatch(thread -> thread.getName().startsWith("vert.x-eventloop"));
    assertThat(call.isLive()).isTrue();
    assertThat(call.variable("SWITCHBOARD_STATUS")).contains("QUEUED");
  }

  @Test
  void withheldEmptyAndNonNumericCallersAreQueuedAsUnknown() {
    for (String raw : new String[] {"", "anonymous", "Restricted", "sales-dept"}) {
      SimCall call = pbx.incomingCall(raw, "route?queue=support");
      assertThat(call.awaitAgi(WAIT)).as("caller '%s'", raw).containsEntry("SWITCHBOARD_STATUS", "QUEUED");
    }
    assertThat(intake.calls).hasSize(4).allSatisfy(incoming -> assertThat(incoming.isUnknownCaller()).isTrue());
  }

  @Test
  void refusedQueueLeavesStatusAndReasonAndTheDialplanHangsUp() {
    intake.deciding(call -> Future.succeededFuture(new IntakeDecision.Refused(IntakeDecision.Reason.UNKNOWN_QUEUE,
        "no queue named '" + call.queue() + "'")));
    SimCall call = pbx.incomingCall("+4930123456", "route?queue=nope");

    assertThat(call.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "UNKNOWN_QUEUE")
        .containsEntry("SWITCHBOARD_REASON", "no queue named 'nope'")
        .doesNotContainKey("SWITCHBOARD_CONTACT");
    Await.until(WAIT, () -> !call.isLive(), () -> "call hung up by the dialplan");
  }

  @Test
  void missingQueueParameterIsUnknownQueueWithoutAskingRouting() {
    SimCall call = pbx.incomingCall("+4930123456", "route");

    assertThat(call.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "UNKNOWN_QUEUE")
        .hasEntrySatisfying("SWITCHBOARD_REASON", reason -> assertThat(reason).contains("route?queue=NAME"));
    assertThat(intake.calls).isEmpty();
  }

  @Test
  void unknownScriptLeavesFailure() {
    SimCall call = pbx.incomingCall("+4930123456", "frobnicate?queue=support");

    assertThat(call.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "FAILED")
        .hasEntrySatisfying("SWITCHBOARD_REASON", reason -> assertThat(reason).contains("'frobnicate'"));
    assertThat(intake.calls).isEmpty();
  }

  @Test
  void routingFailureOrSilenceLeavesFailure() {
    intake.deciding(call -> Future.failedFuture(new IllegalStateException("store unavailable")));
    SimCall failing = pbx.incomingCall("+4930123456", "route?queue=support");
    assertThat(failing.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "FAILED")
        .hasEntrySatisfying("SWITCHBOARD_REASON", reason -> assertThat(reason).contains("store unavailable"));

    intake.deciding(call -> Promise.<IntakeDecision>promise().future());
    SimCall silent = pbx.incomingCall("+4930123456", "route?queue=support");
    assertThat(silent.awaitAgi(WAIT)).containsEntry("SWITCHBOARD_STATUS", "FAILED")
        .hasEntrySatisfying("SWITCHBOARD_REASON", reason -> assertThat(reason).contains("within 800 ms"));
  }

  @Test
  void callerWhoHangsUpWhileQueuedIsReportedToIntake() throws Exception {
    link = new AmiLink(vertx, AmiSettings.of("127.0.0.1", pbx.amiPort(), "cti", "s3cret"), hangups);
    await(link.start());
    Await.until(WAIT, () -> link.status().isReady(), () -> "" + link.status());
    SimCall call = pbx.incomingCall("+4930123456", "route?queue=support");
    String contactId = call.awaitAgi(WAIT).get("SWITCHBOARD_CONTACT");

    call.abandon();

    Await.until(WAIT, () -> !intake.hangups.isEmpty(), () -> "caller hangup reported");
    assertThat(intake.hangups).singleElement().satisfies(hangup -> {
      assertThat(hangup.contactId()).isEqualTo(contactId);
      assertThat(hangup.cause().code()).isEqualTo(16);
    });
    assertThat(hangups.watching()).isZero();
  }

  @Test
  void portInUseFailsStartWithClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      FastAgiEntry second = new FastAgiEntry(vertx, FastAgiSettings.of("127.0.0.1", taken.getLocalPort()), intake,
          new GermanNormalizer(), hangups);
      Future<Void> started = second.start();
      Await.until(WAIT, started::isComplete, () -> "start to fail");
      assertThat(started.cause()).hasMessageContaining("FastAGI cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("phone.agi.port");
      await(second.stop());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException,
      java.util.concurrent.TimeoutException {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
