package dev.switchboard.channels.phone.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmiMessageAggregatorTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();

  {
    AmiMessageAggregator.install(channel.pipeline());
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void decodesActionSplitAcrossReads() {
    assertThat(channel.writeInbound(bytes("Action: Login\r\nUser"))).isFalse();
    assertThat(channel.writeInbound(bytes("name: cti\r\nSecret: s3cret\r\n"))).isFalse();
    assertThat(channel.writeInbound(bytes("\r\n"))).isTrue();
    AmiMessage action = channel.readInbound();
    assertThat(action.get("action")).contains("Login");
    assertThat(action.get("USERNAME")).contains("cti");
    assertThat(action.getOr("Secret", "")).isEqualTo("s3cret");
  }

  @Test
  void decodesTwoActionsInOneRead() {
    assertThat(channel.writeInbound(bytes("Action: Ping\r\nActionID: 1\r\n\r\nAction: Ping\r\nActionID: 2\r\n\r\n")))
        .isTrue();
    AmiMessage first = channel.readInbound();
    AmiMessage second = channel.readInbound();
    assertThat(first.get("ActionID")).contains("1");
    assertThat(second.get("ActionID")).contains("2");
  }

  @Test
  void acceptsBareLineFeedsAndValuesWithColons() {
    channel.writeInbound(bytes("Action: Setvar\nVariable: URL\nValue: http://a:b/c\n\n"));
    AmiMessage action = channel.readInbound();
    assertThat(action.get("Value")).contains("http://a:b/c");
  }

  @Test
  void keepsLinesWithoutColonAsMalformedWithoutDroppingTheMessage() {
    channel.writeInbound(bytes("Action: Ping\r\nthis is not a header\r\n: no name\r\n\r\n"));
    AmiMessage action = channel.readInbound();
    assertThat(action.get("Action")).contains("Ping");
    assertThat(action.malformedLines()).containsExactly("this is not a header", ": no name");
  }

  @Test
  void ignoresEmptyLinesBetweenMessages() {
    assertThat(channel.writeInbound(bytes("\r\n\r\n"))).isFalse();
    assertThat(channel.writeInbound(bytes("Action: Logoff\r\n\r\n"))).isTrue();
    AmiMessage action = channel.readInbound();
    assertThat(action.get("Action")).contains("Logoff");
  }

  @Test
  void writesMessagesAsAsteriskDoes() {
    AmiMessage event = AmiMessage.builder().add("Event", "Hangup").add("Cause", 16).build();
    assertThat(event.toWire()).isEqualTo("Event: Hangup\r\nCause: 16\r\n\r\n");
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }
}
