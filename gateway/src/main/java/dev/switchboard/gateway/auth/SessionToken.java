package dev.switchboard.gateway.auth;

import dev.switchboard.routing.internal.IdSyntax;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret a signed-in client presents: 32 random bytes in base64url. Only its SHA-256
 * {@link #digest()} is stored; {@link #toString()} never shows it.
 */
public record SessionToken(String value) {

  private static final int LENGTH = 43;

  public SessionToken {
    Objects.requireNonNull(value, "token");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a session token is 43 base64url characters");
    }
  }

  /** True when {@code value} has a token's shape (not whether it is a live session). */
  public static boolean isWellFormed(String value) {
    return value != null && value.length() == LENGTH && IdSyntax.matches(value, LENGTH, true, "_-", true);
  }

  static SessionToken generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Hex SHA-256 of the token: the name of its session in Redis. */
  public String digest() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "SessionToken[redacted]";
  }
}
