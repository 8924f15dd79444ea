package dev.switchboard.gateway.demo;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.agent.DeskSettings;
import java.io.PrintStream;

/**
 * Something a demo entry point adds to {@code ./switchboard demo} from outside the production classes,
 * such as the bench module's simulated PBX. Called from the launching thread, in this order:
 * {@link #configure}, {@link #desk}, {@link #started}, and {@link #close} on shutdown.
 */
public interface DemoExtension extends AutoCloseable {

  /** The demo configuration with what the extension needs, e.g. a phone section. */
  SwitchboardConfig configure(SwitchboardConfig config);

  /** The desktops' settings, e.g. labelling the phone line. */
  DeskSettings desk(DeskSettings defaults);

  /** Runs once the demo node serves and its data is in place; may print a line of its own. */
  void started(Node node, PrintStream out);

  /** Stops what the extension started; called before the node stops. */
  @Override
  void close();
}
