package dev.switchboard.channels.phone.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.phone.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's AMI side as Asterisk-Java (a real client) and a raw socket see it. */
class PbxSimulatorIT {

  private final PbxSimulator pbx = PbxSimulator.builder().amiUser("cti", "s3cret").start();

  @AfterEach
  void close() {
    pbx.close();
  }

  @Test
  void greetsWithAsterisk20BannerAndRefusesWrongSecret() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", pbx.amiPort())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      Writer out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
      assertThat(in.readLine()).isEqualTo("Asterisk Call Manager/9.0.0");
      out.write("Action: Login\r\nActionID: 7\r\nUsername: cti\r\nSecret: nope\r\n\r\n");
      out.flush();
      assertThat(in.readLine()).isEqualTo("Response: Error");
      assertThat(in.readLine()).isEqualTo("ActionID: 7");
      assertThat(in.readLine()).isEqualTo("Message: Authentication failed");
      assertThat(in.readLine()).isEmpty();
      assertThat(in.readLine()).as("connection closed after a failed login").isNull();
    }
  }

  @Test
  void realClientLogsInPingsAndSetsAndGetsVariables() throws Exception {
    SimCall call = pbx.waitingCall("+4930123456");
    ManagerConnection connection = new DefaultManagerConnection("127.0.0.1", pbx.amiPort(), "cti", "s3cret");
    connection.login();
    try {
      assertThat(connection.sendAction(new PingAction(), 2000).getResponse()).isEqualTo("Success");
      assertThat(connection.sendAction(new SetVarAction(call.channel(), "CRM_ID", "c-42"), 2000).getResponse())
          .isEqualTo("Success");
      ManagerResponse value = connection.sendAction(new GetVarAction(call.channel(), "CRM_ID"), 2000);
      assertThat(value).isInstanceOf(GetVarResponse.class);
      assertThat(((GetVarResponse) value).getValue()).isEqualTo("c-42");
      assertThat(call.variable("CRM_ID")).contains("c-42");
      assertThat(connection.sendAction(new SetVarAction("PJSIP/none-00000000", "X", "1"), 2000))
          .isInstanceOf(ManagerError.class);
    } finally {
      connection.logoff();
    }
    assertThat(pbx.awaitAction("Logoff", Duration.ofSeconds(5)).get("Action")).contains("Logoff");
  }

  @Test
  void hangingUpACallerConnectedToAnAgentEndsTheAgentsLegAsAsteriskDoes() throws Exception {
    pbx.agentBehaviour("1001", AgentBehaviour.ANSWER);
    SimCall call = pbx.waitingCall("+4930123456");
    ManagerConnection connection = new DefaultManagerConnection("127.0.0.1", pbx.amiPort(), "cti", "s3cret");
    connection.login();
    try {
      assertThat(connection.sendAction(new RedirectAction(call.channel(), SimCall.CONNECT_CONTEXT, "1001", 1), 2000)
          .getResponse()).isEqualTo("Success");
      Await.until(Duration.ofSeconds(5), () -> pbx.liveChannels().size() == 2 && call.agentChannel().isPresent(),
          () -> "caller and agent connected; live: " + pbx.liveChannels());
      assertThat(connection.sendAction(new HangupAction(call.channel()), 2000).getResponse()).isEqualTo("Success");
      Await.until(Duration.ofSeconds(5), () -> pbx.liveChannels().isEmpty(),
          () -> "both legs gone; live: " + pbx.liveChannels());
    } finally {
      connection.logoff();
    }
  }

  @Test
  void sendsDialplanEventsOnlyToUsersThatReadTheDialplanClass() throws Exception {
    try (PbxSimulator both = PbxSimulator.builder().amiUser("cti", "s3cret")
        .amiUser("debug", "s3cret", Set.of("call", "dialplan")).start()) {
      List<ManagerEvent> callOnly = new CopyOnWriteArrayList<>();
      List<ManagerEvent> dialplan = new CopyOnWriteArrayList<>();
      ManagerConnection cti = new DefaultManagerConnection("127.0.0.1", both.amiPort(), "cti", "s3cret");
      ManagerConnection debug = new DefaultManagerConnection("127.0.0.1", both.amiPort(), "debug", "s3cret");
      cti.addEventListener(callOnly::add);
      debug.addEventListener(dialplan::add);
      cti.login();
      debug.login();
      try {
        SimCall call = both.waitingCall("+4930123456");
        call.abandon();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((!hasType(callOnly, HangupEvent.class) || !hasType(dialplan, HangupEvent.class))
            && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(hasType(callOnly, NewChannelEvent.class)).isTrue();
        assertThat(hasType(callOnly, HangupEvent.class)).isTrue();
        assertThat(hasType(callOnly, NewExtenEvent.class)).as("read = call gets no Newexten").isFalse();
        assertThat(hasType(dialplan, NewExtenEvent.class)).as("read = call,dialplan gets Newexten").isTrue();
        assertThat(hasType(dialplan, HangupEvent.class)).isTrue();
      } finally {
        cti.logoff();
        debug.logoff();
      }
    }
  }

  private static boolean hasType(List<ManagerEvent> events, Class<? extends ManagerEvent> type) {
    return events.stream().anyMatch(type::isInstance);
  }

  @Test
  void realClientSeesAuthenticationFailure() {
    ManagerConnection connection = new DefaultManagerConnection("127.0.0.1", pbx.amiPort(), "cti", "wrong");
    assertThatThrownBy(connection::login).isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("Authentication failed");
  }

  @Test
  void answersUnknownActionsAndActionsBeforeLoginAsAsteriskDoes() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", pbx.amiPort())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      Writer out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
      in.readLine();
      out.write("Action: CoreShowChannels\r\n\r\n");
      out.flush();
      assertThat(in.readLine()).isEqualTo("Response: Error");
      assertThat(in.readLine()).isEqualTo("Message: Authentication Required");
      in.readLine();
      out.write("Action: Login\r\nUsername: cti\r\nSecret: s3cret\r\n\r\nAction: Frobnicate\r\n\r\n");
      out.flush();
      assertThat(in.readLine()).isEqualTo("Response: Success");
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.startsWith("Response:"));
      assertThat(line).isEqualTo("Response: Error");
      assertThat(in.readLine()).startsWith("Message: Invalid/unknown command: Frobnicate.");
    }
  }
}
