package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.AmiMetrics;
import dev.switchboard.channels.phone.AmiSettings;
import dev.switchboard.channels.phone.AmiStatus;
import dev.switchboard.channels.phone.LiveChannel;
import dev.switchboard.channels.phone.OriginateRequest;
import dev.switchboard.channels.phone.PhoneEvent;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The AMI link's parts wired together: connector ({@code ami-connect}), pump and tracker
 * ({@code ami-events}), counters, and the blocking actions. The public face is
 * {@link dev.switchboard.channels.phone.AmiLink}; {@code sink} is called on {@code ami-events}.
 */
public final class AmiEngine {

  private final Clock clock;
  private final AmiCounters counters = new AmiCounters();
  private final EventPump pump;
  private final AmiConnector connector;
  private final AmiActions actions;

  public AmiEngine(AmiSettings settings, Consumer<PhoneEvent> sink, Clock clock) {
    this.clock = clock;
    ChannelTracker tracker = new ChannelTracker(sink);
    ResyncRequest resync = new ResyncRequest();
    this.pump = new EventPump(settings.eventQueueCapacity(), tracker, counters, clock, resync);
    this.connector = new AmiConnector(settings, pump, counters, clock);
    resync.connector = connector;
    this.actions = new AmiActions(settings, connector);
  }

  /** Breaks the pump ↔ connector cycle: the pump asks, the connector resyncs. */
  private static final class ResyncRequest implements Runnable {
    private volatile AmiConnector connector;

    @Override
    public void run() {
      AmiConnector target = connector;
      if (target != null) {
        target.requestResync();
      }
    }
  }

  /** Starts the threads; the first login happens on {@code ami-connect}, not here. */
  public void start() {
    pump.start();
    connector.start();
  }

  /** Logs off and stops the threads; blocks up to a few seconds. */
  public void stop() throws InterruptedException {
    connector.stop();
    pump.stop();
  }

  public AmiStatus status() {
    return connector.status();
  }

  public AmiMetrics metrics() {
    return counters.snapshot(clock.millis());
  }

  /** Blocking: call on a worker thread. */
  public void originate(OriginateRequest request) {
    actions.originate(request);
  }

  /** Blocking: call on a worker thread. */
  public void redirect(String channel, String context, String exten, int priority) {
    actions.redirect(channel, context, exten, priority);
  }

  /** Blocking: call on a worker thread. */
  public void hangup(String channel) {
    actions.hangup(channel);
  }

  /** Blocking: call on a worker thread. */
  public List<LiveChannel> liveChannels() {
    return actions.liveChannels();
  }
}
