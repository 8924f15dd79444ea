package dev.switchboard.channels.phone.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PBX that speaks Asterisk 20's wire protocols over TCP: an AMI server (banner, MD5 login,
 * actions, Timestamped events) and a FastAGI client that runs the dialplan's {@code AGI()} against
 * the server under test. Scenarios are played through {@link SimCall}. Thread-safe; close it after
 * use.
 *
 * <pre>{@code
 * try (PbxSimulator pbx = PbxSimulator.builder().amiUser("cti", "secret").agiServer(agiPort).start()) {
 *   SimCall call = pbx.incomingCall("+4930123456", "route?queue=support");
 *   call.awaitAgi(Duration.ofSeconds(5));
 *   call.answeredBy("1001").agentHangsUp();
 * }
 * }</pre>
 */
public final class PbxSimulator implements AutoCloseable {

  static final String TRUNK_CONTEXT = "from-trunk";
  static final String DIALLED_NUMBER = "4930999000";

  private final Settings settings;
  private final AmiServer ami;
  private final SimPbx pbx;
  private final SimActions actions;
  private final Map<String, SimCall> callsByChannel = new ConcurrentHashMap<>();
  private final ExecutorService agiThreads;

  private record Settings(Map<String, AmiUser> users, int amiPort, Optional<InetSocketAddress> agiServer,
      Duration agiTimeout, Clock clock) {}

  private PbxSimulator(Settings settings) {
    this.settings = settings;
    AmiServer[] holder = new AmiServer[1];
    this.pbx = new SimPbx(settings.clock(), event -> holder[0].publish(event));
    this.actions = new SimActions(pbx, settings.users(), callsByChannel);
    this.ami = new AmiServer(actions);
    holder[0] = ami;
    this.agiThreads = Executors.newCachedThreadPool(named("sim-agi-"));
  }

  public static Builder builder() {
    return new Builder();
  }

  public int amiPort() {
    return ami.port();
  }

  /** A call arrives from the trunk and runs {@code AGI(agi://host:port/route?queue=support)}. */
  public SimCall incomingCall(String callerIdNum) {
    return incomingCall(callerIdNum, "route?queue=support");
  }

  /**
   * A call from {@code callerIdNum} ("" or "anonymous" for none) arrives and runs AGI with the
   * script part {@code script} (e.g. {@code route?queue=sales}). AGI runs in the background: use
   * {@link SimCall#awaitAgi(Duration)}. When AGI sets {@code SWITCHBOARD_STATUS=QUEUED} the caller
   * then waits with music on hold; otherwise the call is hung up, as the documented dialplan does.
   */
  public SimCall incomingCall(String callerIdNum, String script) {
    InetSocketAddress agi = settings.agiServer()
        .orElseThrow(() -> new IllegalStateException("no AGI server configured: use agiServer(port)"));
    SimCall call;
    synchronized (pbx) {
      String shown = callerIdNum.isEmpty() ? "<unknown>" : callerIdNum;
      SimChannel caller = pbx.create("PJSIP", "trunk", shown, "<unknown>", TRUNK_CONTEXT,
          DIALLED_NUMBER, Optional.empty());
      call = new SimCall(pbx, caller);
      callsByChannel.put(caller.name, call);
      pbx.state(caller, SimChannel.State.RING);
      pbx.exten(caller, TRUNK_CONTEXT, DIALLED_NUMBER, 1, "Answer", "");
      pbx.state(caller, SimChannel.State.UP);
      pbx.exten(caller, TRUNK_CONTEXT, DIALLED_NUMBER, 2, "AGI", AgiEnvironment.url(agi, script));
    }
    SimCall started = call;
    agiThreads.execute(() -> runAgi(started, agi, script, callerIdNum));
    return call;
  }

  /**
   * A call from {@code callerIdNum} that the dialplan answers and puts on music on hold without
   * AGI, for tests of the AMI side alone.
   */
  public SimCall waitingCall(String callerIdNum) {
    synchronized (pbx) {
      String shown = callerIdNum.isEmpty() ? "<unknown>" : callerIdNum;
      SimChannel caller = pbx.create("PJSIP", "trunk", shown, "<unknown>", TRUNK_CONTEXT,
          DIALLED_NUMBER, Optional.empty());
      SimCall call = new SimCall(pbx, caller);
      callsByChannel.put(caller.name, call);
      pbx.state(caller, SimChannel.State.RING);
      pbx.exten(caller, TRUNK_CONTEXT, DIALLED_NUMBER, 1, "Answer", "");
      pbx.state(caller, SimChannel.State.UP);
      call.hold();
      return call;
    }
  }

  /** Adds (or changes) an AMI user while running, as a {@code manager reload} would. */
  public void addAmiUser(String username, String secret) {
    actions.addUser(username, new AmiUser(secret, AmiUser.CALL_ONLY));
  }

  private void runAgi(SimCall call, InetSocketAddress agi, String script, String callerIdNum) {
    SimChannel caller = call.callerLeg();
    try {
      AgiDialer.Outcome outcome = new AgiDialer(agi, settings.agiTimeout())
          .run(AgiEnvironment.of(caller, agi, script, callerIdNum), (name, value) -> pbx.variable(caller, name, value));
      synchronized (pbx) {
        if (pbx.isLive(caller)) {
          if ("QUEUED".equals(outcome.variables().get("SWITCHBOARD_STATUS"))) {
            call.hold();
          } else {
            pbx.exten(caller, TRUNK_CONTEXT, DIALLED_NUMBER, 3, "Playback", "ss-noservice");
            pbx.hangup(caller, 16, "Normal Clearing");
          }
        }
      }
      call.agiCompleted(outcome);
    } catch (IOException | RuntimeException e) {
      synchronized (pbx) {
        pbx.hangup(caller, 38, "Network out of order");
      }
      call.agiFailed(e);
    }
  }

  /** How the phone of {@code agentExten} reacts when dialled by Redirect or Originate. */
  public void agentBehaviour(String agentExten, AgentBehaviour behaviour) {
    actions.behaviour(agentExten, behaviour);
  }

  /** Every action received so far, in order, login included. */
  public List<AmiMessage> actionsReceived() {
    return actions.received();
  }

  /** Waits until an action named {@code name} has been received and returns the first one. */
  public AmiMessage awaitAction(String name, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<AmiMessage> found = actions.received().stream()
          .filter(action -> action.getOr("Action", "").equalsIgnoreCase(name)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.onSpinWait();
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("no AMI action '" + name + "' received within " + timeout);
  }

  /** The names of the channels alive in the PBX now. */
  public List<String> liveChannels() {
    return pbx.live().stream().map(channel -> channel.name).toList();
  }

  /** How many AMI clients are logged in now. */
  public int amiSessions() {
    return ami.sessionCount();
  }

  /** Sends a hand-made event (unknown type, duplicate, stale) to every logged-in client. */
  public void publishEvent(AmiMessage event) {
    pbx.publishRaw(event);
  }

  /** Sends raw text, malformed or not, to every logged-in client. */
  public void publishRawText(String text) {
    ami.publishRaw(text);
  }

  /** The current PBX time as an AMI {@code Timestamp:} value. */
  public String timestamp() {
    return pbx.timestamp();
  }

  /** Closes every AMI connection at once; the listener stays up (a network blip). */
  public void dropAmiConnections() {
    ami.dropConnections();
  }

  /** Closes every AMI connection and stops listening, like a stopped manager; calls go on. */
  public void suspendAmi() {
    ami.suspend();
  }

  /** Listens for AMI again on the same port. */
  public void resumeAmi() {
    ami.resume();
  }

  /** Starts a load of {@code callsPerSecond} incoming calls for {@code duration}. */
  public LoadRun startLoad(int callsPerSecond, Duration duration, Duration holdTime) {
    return LoadRun.start(this, callsPerSecond, duration, holdTime);
  }

  @Override
  public void close() {
    ami.close();
    agiThreads.shutdownNow();
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Configures a simulator; {@link #start()} binds the AMI port. */
  public static final class Builder {
    private final Map<String, AmiUser> users = new LinkedHashMap<>();
    private int amiPort;
    private Optional<InetSocketAddress> agiServer = Optional.empty();
    private Duration agiTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    /** A manager.conf user with {@code read = call}, as docs/asterisk.md sets it up. */
    public Builder amiUser(String username, String secret) {
      return amiUser(username, secret, AmiUser.CALL_ONLY);
    }

    /**
     * A manager.conf user reading the given classes: {@code dialplan} adds Newexten and VarSet, {@code all}
     * reads everything.
     */
    public Builder amiUser(String username, String secret, Set<String> reads) {
      users.put(Objects.requireNonNull(username), new AmiUser(secret, reads));
      return this;
    }

    /** The AMI port; 0 (the default) picks a free one. */
    public Builder amiPort(int port) {
      this.amiPort = port;
      return this;
    }

    /** Where AGI() connects: the FastAGI server under test on the loopback address. */
    public Builder agiServer(int port) {
      this.agiServer = Optional.of(new InetSocketAddress("127.0.0.1", port));
      return this;
    }

    public Builder agiTimeout(Duration timeout) {
      this.agiTimeout = timeout;
      return this;
    }

    /** The clock behind {@code Timestamp:} headers, to simulate event lag. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public PbxSimulator start() {
      PbxSimulator simulator = new PbxSimulator(
          new Settings(users, amiPort, agiServer, agiTimeout, clock));
      simulator.ami.bind(amiPort);
      return simulator;
    }
  }
}
