package dev.switchboard.routing.customer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) and decodes each strictly as UTF-8,
 * so one bad line is reported on its own. Skips a leading byte-order mark. Blocking; one thread.
 */
final class Utf8LineReader {

  /** One line: its text, or why it could not be read. */
  record Line(long number, String text, String error) {
    boolean ok() {
      return error == null;
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[64 * 1024];
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[512];
  private int chunkLength;
  private int chunkPosition;
  private long number;
  private boolean eof;

  Utf8LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (eof) {
      return null;
    }
    int length = 0;
    boolean tooLong = false;
    boolean newline = false;
    while (!newline) {
      if (chunkPosition == chunkLength && !fill()) {
        eof = true;
        break;
      }
      int start = chunkPosition;
      int end = start;
      while (end < chunkLength && chunk[end] != '\n') {
        end++;
      }
      newline = end < chunkLength;
      chunkPosition = newline ? end + 1 : end;
      int take = Math.min(end - start, maxLineBytes - length);
      tooLong |= take < end - start;
      if (take > 0) {
        ensure(length + take);
        System.arraycopy(chunk, start, line, length, take);
        length += take;
      }
    }
    if (eof && length == 0 && !tooLong) {
      return null;
    }
    number++;
    if (tooLong) {
      return new Line(number, null, "longer than " + maxLineBytes + " bytes: split the record or shorten its notes");
    }
    return decode(length);
  }

  private Line decode(int length) {
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    int offset = number == 1 && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF ? 3 : 0;
    boolean ascii = true;
    for (int i = offset; i < length && ascii; i++) {
      ascii = line[i] >= 0;
    }
    if (ascii) {
      return new Line(number, new String(line, offset, length - offset, StandardCharsets.ISO_8859_1), null);
    }
    ByteBuffer bytes = ByteBuffer.wrap(line, offset, length - offset);
    CharBuffer chars = CharBuffer.allocate(length - offset);
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (result.isError()) {
      return new Line(number, null, "invalid UTF-8 at byte " + (bytes.position() + 1)
          + ": save the file as UTF-8");
    }
    decoder.flush(chars);
    return new Line(number, chars.flip().toString(), null);
  }

  private boolean fill() throws IOException {
    int read = in.read(chunk);
    while (read == 0) {
      read = in.read(chunk);
    }
    chunkLength = Math.max(read, 0);
    chunkPosition = 0;
    return read > 0;
  }

  private void ensure(int capacity) {
    if (capacity > line.length) {
      line = Arrays.copyOf(line, Math.max(capacity, line.length * 2));
    }
  }
}
