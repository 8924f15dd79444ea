package dev.switchboard.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A raw TCP WebSocket peer that never answers pings (every WebSocket client library answers them by itself): the
 * server must close it after three silent heartbeat periods.
 */
class HeartbeatIT {

  private static final Duration HEARTBEAT = Duration.ofMillis(200);

  private final ChatFixture chat = new ChatFixture(new ChatSettings(12_000, new ChatSettings.Rate(10, 2),
      new ChatSettings.Rate(40, 10), 20, HEARTBEAT, Duration.ofSeconds(5), Duration.ofMinutes(3), Duration.ofSeconds(90)));

  @AfterEach
  void stop() throws Exception {
    chat.close();
  }

  @Test
  void silentConnectionIsPingedThenClosed() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", chat.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /chat/ws?site=demo HTTP/1.1\r\nHost: 127.0.0.1:" + chat.port() + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Origin: http://127.0.0.1:" + chat.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(headers(in)).startsWith("HTTP/1.1 101");

      int pings = 0;
      int opcode;
      while ((opcode = frame(in)) == 0x9) {
        pings++;
      }

      assertThat(pings).isGreaterThanOrEqualTo(2);
      assertThat(opcode).isEqualTo(0x8);
    }
  }

  private static String headers(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.write(next);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Reads one unmasked server frame and returns its opcode (-1 at end of stream). */
  private static int frame(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return -1;
    }
    int length = in.read() & 0x7f;
    if (length == 126) {
      length = (in.read() << 8) | in.read();
    }
    in.readNBytes(length);
    return first & 0x0f;
  }
}
