package dev.switchboard.channels.phone.sim;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns AMI lines into {@link AmiMessage}s: headers up to an empty line make one packet. A line
 * without a colon is kept as malformed instead of failing the connection, like Asterisk does.
 */
final class AmiMessageAggregator extends MessageToMessageDecoder<String> {

  static final int MAX_LINE = 8192;

  private AmiMessage.Builder current = AmiMessage.builder();

  /** Installs the line splitter, the string codec and this aggregator at the end of a pipeline. */
  static void install(ChannelPipeline pipeline) {
    pipeline.addLast("lines", new LineBasedFrameDecoder(MAX_LINE, true, false));
    pipeline.addLast("text-in", new StringDecoder(StandardCharsets.UTF_8));
    pipeline.addLast("text-out", new StringEncoder(StandardCharsets.UTF_8));
    pipeline.addLast("ami", new AmiMessageAggregator());
  }

  @Override
  protected void decode(ChannelHandlerContext context, String line, List<Object> out) {
    String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    if (text.isEmpty()) {
      if (!current.isEmpty()) {
        out.add(current.build());
        current = AmiMessage.builder();
      }
      return;
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      current.malformed(text);
      return;
    }
    current.add(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
  }
}
