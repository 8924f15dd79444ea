package dev.switchboard.routing.customer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A CSV stream of {@code rows} synthetic customers, produced as it is read so huge files cost no memory. */
final class GeneratedCustomers extends InputStream {

  static final String HEADER = "id,name,tier,lifetime_value,tags,language,phones,emails,visitor_ids,attr.plan\n";

  private final long rows;
  private long next = -1;
  private byte[] current = HEADER.getBytes(StandardCharsets.UTF_8);
  private int position;

  GeneratedCustomers(long rows) {
    this.rows = rows;
  }

  static String phone(long row) {
    return String.format("010-%04d-%04d", 1000 + row / 10_000, row % 10_000);
  }

  private static String row(long row) {
    return "g-" + row + ",Customer " + row + ",gold,1250.50,vip|churn-risk,ko," + phone(row)
        + ",c" + row + "@example.com,v-" + row + ",family\n";
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    while (position == current.length) {
      next++;
      if (next >= rows) {
        return -1;
      }
      current = row(next).getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    int count = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, count);
    position += count;
    return count;
  }
}
