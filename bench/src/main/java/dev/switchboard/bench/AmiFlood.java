package dev.switchboard.bench;

import dev.switchboard.channels.phone.AmiMetrics;
import dev.switchboard.channels.phone.sim.AmiMessage;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A pure AMI event flood in rising steps: for each step the simulator sends channel events
 * (Newchannel, Newstate, Hangup per fake channel, each Timestamped when sent) at a fixed rate, then
 * the link has one second to catch up. A step is kept when every event arrived within that second,
 * none was dropped, the link did not reconnect and the last event's lag stayed under a second; the
 * rate doubles until a step is not kept. The answer is the highest kept rate: what the link takes in
 * without a growing lag.
 */
final class AmiFlood {

  /** One step: the rate it aimed at, what was sent and received, and whether the link kept up. */
  record Step(int target, long sent, long received, double seconds, long lagMillis, long dropped, boolean reconnected,
      boolean caughtUp) {
    double sentPerSecond() {
      return sent / seconds;
    }

    boolean kept() {
      return caughtUp && dropped == 0 && !reconnected && lagMillis < 1000 && sent >= target * seconds * 0.9;
    }

    @Override
    public String toString() {
      return String.format("target %,d/s: sent %,.0f/s, received %,d of %,d, last lag %d ms, %d dropped%s -> %s",
          target, sentPerSecond(), received, sent, lagMillis, dropped, reconnected ? ", reconnected" : "",
          kept() ? "kept up" : "fell behind");
    }
  }

  private AmiFlood() {}

  /**
   * Runs steps from {@code firstRate} doubling; returns the highest kept events/s (0 if none).
   *
   * @param link the AMI link's figures as the node under test reports them now
   */
  static double run(PbxSimulator pbx, Supplier<AmiMetrics> link, int firstRate, Duration step)
      throws InterruptedException {
    double best = 0;
    long channel = 0;
    for (int rate = firstRate; rate <= 2_000_000; rate *= 2) {
      Step result = step(pbx, link, rate, step, channel);
      channel += result.sent() / 3 + 1;
      System.out.println("AMI flood " + result);
      if (!result.kept()) {
        break;
      }
      best = Math.max(best, result.sentPerSecond());
    }
    return best;
  }

  private static Step step(PbxSimulator pbx, Supplier<AmiMetrics> link, int rate, Duration length, long firstChannel)
      throws InterruptedException {
    AmiMetrics before = link.get();
    long begin = System.nanoTime();
    long end = begin + length.toNanos();
    long sent = 0;
    for (long now = begin; now < end; now = System.nanoTime()) {
      long due = (now - begin) * rate / 1_000_000_000L;
      while (sent < due) {
        pbx.publishEvent(event(pbx, firstChannel + sent / 3, (int) (sent % 3)));
        sent++;
      }
      if (sent >= due) {
        TimeUnit.MICROSECONDS.sleep(200);
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    long catchUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    AmiMetrics after = link.get();
    while (after.eventsReceived() - before.eventsReceived() < sent && System.nanoTime() < catchUp) {
      Thread.sleep(20);
      after = link.get();
    }
    long received = after.eventsReceived() - before.eventsReceived();
    return new Step(rate, sent, received, seconds, after.lastEventLagMillis(),
        after.droppedEvents() - before.droppedEvents(), after.reconnects() != before.reconnects(), received >= sent);
  }

  private static AmiMessage event(PbxSimulator pbx, long channel, int which) {
    String name = String.format("PJSIP/flood-%08x", channel);
    String uniqueId = "9" + channel + ".1";
    String type = which == 0 ? "Newchannel" : which == 1 ? "Newstate" : "Hangup";
    int state = which == 0 ? 4 : 6;
    AmiMessage.Builder event = AmiMessage.builder().add("Event", type).add("Privilege", "call,all")
        .add("Timestamp", pbx.timestamp()).add("Channel", name).add("ChannelState", state)
        .add("ChannelStateDesc", state == 6 ? "Up" : "Ring").add("CallerIDNum", "+4930000000")
        .add("CallerIDName", "<unknown>").add("ConnectedLineNum", "<unknown>").add("ConnectedLineName", "<unknown>")
        .add("Language", "en").add("AccountCode", "").add("Context", "from-trunk").add("Exten", "4930999000")
        .add("Priority", 1).add("Uniqueid", uniqueId).add("Linkedid", uniqueId);
    if (which == 2) {
      event.add("Cause", 16).add("Cause-txt", "Normal Clearing");
    }
    return event.build();
  }
}
