package dev.switchboard.bench;

import dev.switchboard.channels.phone.AmiLink;
import dev.switchboard.channels.phone.sim.AmiMessage;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import java.util.concurrent.TimeUnit;

/**
 * A pure AMI event flood: the simulator sends channel events (a Newchannel, Newstate, Hangup per
 * fake channel, each Timestamped when sent) as fast as it can; the rate is what the AMI link took in,
 * counted by its own metrics, from the first event sent to the last one received.
 */
final class AmiFlood {

  record Result(long events, double seconds, long maxLagMillis, long dropped) {
    double perSecond() {
      return events / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,d events in %.2f s = %,.0f events/s; max lag %d ms; %d dropped", events, seconds,
          perSecond(), maxLagMillis, dropped);
    }
  }

  private AmiFlood() {}

  static Result run(PbxSimulator pbx, AmiLink link, int channels) throws InterruptedException {
    long before = link.metrics().eventsReceived();
    long droppedBefore = link.metrics().droppedEvents();
    long expected = channels * 3L;
    long begin = System.nanoTime();
    for (int i = 0; i < channels; i++) {
      String name = String.format("PJSIP/flood-%08x", i);
      String uniqueId = "9" + i + ".1";
      pbx.publishEvent(channelEvent("Newchannel", pbx, name, uniqueId, 4).build());
      pbx.publishEvent(channelEvent("Newstate", pbx, name, uniqueId, 6).build());
      pbx.publishEvent(channelEvent("Hangup", pbx, name, uniqueId, 6).add("Cause", 16)
          .add("Cause-txt", "Normal Clearing").build());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (link.metrics().eventsReceived() - before + (link.metrics().droppedEvents() - droppedBefore) < expected
        && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    long received = link.metrics().eventsReceived() - before;
    return new Result(received, seconds, link.metrics().maxEventLagMillis(),
        link.metrics().droppedEvents() - droppedBefore);
  }

  private static AmiMessage.Builder channelEvent(String type, PbxSimulator pbx, String name, String uniqueId,
      int state) {
    return AmiMessage.builder().add("Event", type).add("Privilege", "call,all").add("Timestamp", pbx.timestamp())
        .add("Channel", name).add("ChannelState", state).add("ChannelStateDesc", state == 6 ? "Up" : "Ring")
        .add("CallerIDNum", "+4930000000").add("CallerIDName", "<unknown>").add("ConnectedLineNum", "<unknown>")
        .add("ConnectedLineName", "<unknown>").add("Language", "en").add("AccountCode", "")
        .add("Context", "from-trunk").add("Exten", "4930999000").add("Priority", 1)
        .add("Uniqueid", uniqueId).add("Linkedid", uniqueId);
  }
}
