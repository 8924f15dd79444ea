package dev.switchboard.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {

  /** Hands out at most {@code step} bytes per read, like a slow socket. */
  private static InputStream trickle(byte[] bytes, int step) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(length, step));
      }
    };
  }

  private static List<Utf8LineReader.Line> read(byte[] bytes, int step, int maxLineBytes) throws IOException {
    Utf8LineReader reader = new Utf8LineReader(trickle(bytes, step), maxLineBytes);
    List<Utf8LineReader.Line> lines = new ArrayList<>();
    for (Utf8LineReader.Line line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    return lines;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void splitsLinesDeliveredInFragments() throws IOException {
    for (int step = 1; step <= 4; step++) {
      List<Utf8LineReader.Line> lines = read(utf8("id,name\r\nc-1,김민지\n\nc-2,Lee"), step, 1024);
      assertThat(lines).extracting(Utf8LineReader.Line::text).containsExactly("id,name", "c-1,김민지", "", "c-2,Lee");
      assertThat(lines).extracting(Utf8LineReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Test
  void dropsAByteOrderMarkOnTheFirstLineOnly() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = utf8("id\n");
    byte[] bytes = new byte[bom.length * 2 + body.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);
    System.arraycopy(bom, 0, bytes, 3 + body.length, 3);
    List<Utf8LineReader.Line> lines = read(bytes, 2, 1024);
    assertThat(lines.get(0).text()).isEqualTo("id");
    assertThat(lines.get(1).text()).isEqualTo("\uFEFF");
  }

  @Test
  void reportsInvalidUtf8WithItsBytePositionAndKeepsReading() throws IOException {
    byte[] bytes = {'a', 'b', 'c', 'd', (byte) 0xC3, '(', '\n', 'o', 'k', '\n'};
    List<Utf8LineReader.Line> lines = read(bytes, 3, 1024);
    assertThat(lines.get(0).ok()).isFalse();
    assertThat(lines.get(0).error()).startsWith("invalid UTF-8 at byte 5");
    assertThat(lines.get(1).text()).isEqualTo("ok");
  }

  @Test
  void rejectsOverlongLinesWithoutHoldingThem() throws IOException {
    List<Utf8LineReader.Line> lines = read(utf8("x".repeat(100) + "\nshort\n"), 7, 10);
    assertThat(lines.get(0).error()).startsWith("longer than 10 bytes");
    assertThat(lines.get(1).text()).isEqualTo("short");
  }

  @Test
  void endsCleanlyWithOrWithoutAFinalNewline() throws IOException {
    assertThat(read(utf8("a\n"), 1, 10)).hasSize(1);
    assertThat(read(utf8("a"), 1, 10)).hasSize(1);
    assertThat(read(new byte[0], 1, 10)).isEmpty();
  }
}
