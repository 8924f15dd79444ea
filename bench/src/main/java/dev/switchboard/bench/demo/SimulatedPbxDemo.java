package dev.switchboard.bench.demo;

import dev.switchboard.channels.phone.sim.AgentBehaviour;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.config.AgentSettings;
import dev.switchboard.config.PbxSettings;
import dev.switchboard.config.PhoneSection;
import dev.switchboard.config.Secret;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.demo.DemoExtension;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the demo node at an in-process {@link PbxSimulator} over real TCP (AMI and FastAGI on
 * 127.0.0.1) and places simulated calls with {@link DemoCalls}. A demo configuration that already has a
 * phone section keeps its own PBX and gets no simulated calls. The agents' phones ring until the agent
 * accepts the offer on the desktop, then answer.
 */
final class SimulatedPbxDemo implements DemoExtension {

  static final String LABEL = "simulated PBX";
  static final Duration CALL_INTERVAL = Duration.ofSeconds(20);
  private static final Logger log = LoggerFactory.getLogger(SimulatedPbxDemo.class);
  private static final String USER = "switchboard-demo";

  private final Duration interval;
  private Optional<PbxSimulator> pbx = Optional.empty();
  private Optional<DemoCalls> calls = Optional.empty();

  /** A call every {@link #CALL_INTERVAL}. */
  SimulatedPbxDemo() {
    this(CALL_INTERVAL);
  }

  SimulatedPbxDemo(Duration interval) {
    this.interval = interval;
  }

  @Override
  public SwitchboardConfig configure(SwitchboardConfig config) {
    if (config.phone().isPresent()) {
      log.info("The demo configuration has its own phone section; no simulated PBX");
      return config;
    }
    String secret = UUID.randomUUID().toString();
    int agiPort = freePort();
    PbxSimulator simulator = PbxSimulator.builder().amiUser(USER, secret).agiServer(agiPort).start();
    pbx = Optional.of(simulator);
    for (AgentSettings agent : config.agents()) {
      agent.phoneDevice().ifPresent(device -> simulator.agentBehaviour(extension(device), AgentBehaviour.RING));
    }
    PbxSettings settings = new PbxSettings("simulated", "127.0.0.1", simulator.amiPort(), USER,
        new Secret("SIMULATED_PBX_SECRET", secret), agiPort, Duration.ofSeconds(5), Duration.ofMillis(200),
        Duration.ofSeconds(2), Duration.ofSeconds(20));
    return config.withPhone(Optional.of(PhoneSection.defaults(List.of(settings)).withAgiBindAddress("127.0.0.1")));
  }

  @Override
  public DeskSettings desk(DeskSettings defaults) {
    return pbx.isPresent() ? defaults.withPhoneLabel(LABEL) : defaults;
  }

  @Override
  public void started(Node node, PrintStream out) {
    pbx.ifPresent(simulator -> {
      DemoCalls loop = new DemoCalls(simulator, node, interval);
      calls = Optional.of(loop);
      loop.start();
      out.println("  Phone:      a " + LABEL + " places a call from a demo customer every "
          + interval.toSeconds() + " s; set an agent with a phone (agent-1, agent-2, agent-4) Ready,");
      out.println("              accept the offer on the desktop and the agent's phone answers. Ctrl-C stops it all.");
      out.println();
    });
  }

  /** How many simulated callers talk to an agent now. */
  int connectedCalls() {
    return calls.map(DemoCalls::connected).orElse(0);
  }

  @Override
  public void close() {
    calls.ifPresent(DemoCalls::stop);
    pbx.ifPresent(PbxSimulator::close);
  }

  /** The extension the connect context dials for a device: {@code PJSIP/1001} → {@code 1001}. */
  static String extension(String device) {
    return device.substring(device.indexOf('/') + 1);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the simulated PBX's FastAGI: " + e.getMessage(), e);
    }
  }
}
