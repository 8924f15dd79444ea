package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A value written as text and checked by a rule: names, hosts, paths, regions, URIs.
 *
 * @param name short type name for the reference table
 * @param expectation what an acceptable value looks like, phrased to follow "expected"
 * @param reader turns accepted text into the value, or throws with the reason
 */
record TextType<T>(String name, String expectation, Reader<T> reader) implements ValueType<T> {

  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  /** Reads text into a value or explains why it cannot. */
  @FunctionalInterface
  interface Reader<T> {
    T read(String text, TextType<T> type) throws InvalidValueException;
  }

  @Override
  public T parse(String text, Origin origin, Map<String, String> environment)
      throws InvalidValueException {
    return reader.read(text.strip(), this);
  }

  /** Any text without whitespace. */
  static TextType<String> word(String name, String expectation) {
    return matching(name, expectation, Pattern.compile("\\S+"), Function.identity());
  }

  /** Text matching {@code pattern} in full, converted by {@code convert}. */
  static <T> TextType<T> matching(
      String name, String expectation, Pattern pattern, Function<String, T> convert) {
    return new TextType<>(name, expectation, (text, type) -> {
      if (!pattern.matcher(text).matches()) {
        throw ValueType.expected(type, text);
      }
      return convert.apply(text);
    });
  }

  /** A file-system path; relative paths resolve against the working directory. */
  static TextType<Path> path() {
    return new TextType<>("path", "a file-system path", (text, type) -> {
      try {
        return Path.of(text);
      } catch (InvalidPathException invalid) {
        throw new InvalidValueException("expected a file-system path, got '" + text + "': " + invalid.getReason());
      }
    });
  }

  /** A two-letter ISO 3166 region code such as {@code KR} or {@code US}; lower case is accepted. */
  static TextType<String> region() {
    return new TextType<>("region", "a two-letter ISO 3166 region code such as KR, US or DE", (text, type) -> {
      String code = text.toUpperCase(Locale.ROOT);
      if (!REGIONS.contains(code)) {
        throw ValueType.expected(type, text);
      }
      return code;
    });
  }

  /**
   * A Redis URI ({@code redis://} or {@code rediss://}). A password inside the URI is refused: it
   * would be printed wherever the URI is, so it belongs in {@code redis.password}.
   */
  static TextType<String> redisUri() {
    return new TextType<>("URI", "a URI starting with redis:// or rediss://, such as redis://redis.example:6379/0",
        (text, type) -> {
          if (!text.startsWith("redis://") && !text.startsWith("rediss://")) {
            String scheme = text.contains("://") ? text.substring(0, text.indexOf("://") + 3) : text;
            throw new InvalidValueException("expected " + type.expectation() + ", got '" + scheme
                + "'; Switchboard speaks plain (redis://) or TLS (rediss://) Redis only");
          }
          URI uri = toUri(text, type);
          if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw new InvalidValueException("the URI contains a password; remove it from the URI and "
                + "set redis.password: env:NAME with the password in environment variable NAME");
          }
          return text;
        });
  }

  private static URI toUri(String text, TextType<?> type) throws InvalidValueException {
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null) {
        throw new InvalidValueException("expected " + type.expectation() + ", got a URI without a host");
      }
      return uri;
    } catch (URISyntaxException malformed) {
      throw new InvalidValueException("expected " + type.expectation() + ", got a malformed URI ("
          + malformed.getReason() + " at index " + malformed.getIndex() + ")");
    }
  }
}
