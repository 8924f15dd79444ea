package dev.switchboard.channels.phone.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One AMI packet (an action, a response or an event): ordered headers, names compared without case,
 * as Asterisk does. Lines that had no colon are kept apart so a test can see them.
 */
public record AmiMessage(List<Header> headers, List<String> malformedLines) {

  /** One {@code Name: value} line. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank() || name.contains(":") || name.contains("\n")) {
        throw new IllegalArgumentException("AMI header name must be a non-blank word: '" + name + "'");
      }
      if (value.contains("\r") || value.contains("\n")) {
        throw new IllegalArgumentException("AMI header value of " + name + " must be one line");
      }
    }
  }

  public AmiMessage {
    headers = List.copyOf(headers);
    malformedLines = List.copyOf(malformedLines);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first value of {@code name}, compared without case. */
  public Optional<String> get(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return headers.stream()
        .filter(header -> header.name().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Header::value)
        .findFirst();
  }

  /** The value of {@code name}, or {@code fallback} when absent. */
  public String getOr(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  /** The packet as Asterisk writes it: CRLF after each header, an empty line at the end. */
  public String toWire() {
    StringBuilder wire = new StringBuilder();
    for (Header header : headers) {
      wire.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    return wire.append("\r\n").toString();
  }

  /** Builds a message header by header, keeping their order. */
  public static final class Builder {
    private final List<Header> headers = new ArrayList<>();
    private final List<String> malformed = new ArrayList<>();

    public Builder add(String name, Object value) {
      headers.add(new Header(name, String.valueOf(value)));
      return this;
    }

    public Builder addAll(AmiMessage other) {
      headers.addAll(other.headers());
      return this;
    }

    Builder malformed(String line) {
      malformed.add(line);
      return this;
    }

    boolean isEmpty() {
      return headers.isEmpty() && malformed.isEmpty();
    }

    public AmiMessage build() {
      return new AmiMessage(headers, malformed);
    }
  }
}
