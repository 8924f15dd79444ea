package dev.switchboard.gateway.auth;

import java.util.Arrays;
import java.util.Base64;

/**
 * A stored password hash: {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}. Parsing
 * says which part is wrong; {@link #toString()} never shows the salt or hash.
 */
record EncodedPassword(int iterations, byte[] salt, byte[] hash) {

  static final String SCHEME = "pbkdf2-sha256";

  EncodedPassword {
    if (iterations < 1) {
      throw new IllegalArgumentException("password hash iterations must be positive, got " + iterations);
    }
    if (salt.length < 8 || hash.length < 16) {
      throw new IllegalArgumentException("password hash salt (" + salt.length + " bytes) or hash (" + hash.length
          + " bytes) is too short");
    }
    salt = salt.clone();
    hash = hash.clone();
  }

  static EncodedPassword parse(String encoded) {
    if (encoded == null) {
      throw new IllegalArgumentException("password hash is missing");
    }
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      throw new IllegalArgumentException("password hash is not in the form " + SCHEME
          + "$<iterations>$<salt>$<hash> (found " + parts.length + " parts, scheme '"
          + (parts[0].length() > 20 ? parts[0].substring(0, 20) : parts[0]) + "')");
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("password hash iterations '" + parts[1] + "' is not a number", e);
    }
    return new EncodedPassword(iterations, decode(parts[2], "salt"), decode(parts[3], "hash"));
  }

  private static byte[] decode(String part, String name) {
    try {
      return Base64.getDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("password hash " + name + " is not valid base64", e);
    }
  }

  String encoded() {
    Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedPassword that && iterations == that.iterations
        && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return 31 * iterations + Arrays.hashCode(salt);
  }

  @Override
  public String toString() {
    return "EncodedPassword[" + SCHEME + ", iterations=" + iterations + "]";
  }
}
