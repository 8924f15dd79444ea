package dev.switchboard.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashing with the JDK alone: PBKDF2 with HMAC-SHA256, a 16-byte random salt
 * and at least {@value #MIN_ITERATIONS} iterations, encoded as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>}. The async methods run on the given worker pool
 * ({@code auth-hash}), never on an event loop; comparison takes constant time.
 */
public final class PasswordHasher {

  public static final int MIN_ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  /** Verified against when an account is unknown, so that case costs as much time as a wrong password. */
  static final String DECOY = EncodedPassword.SCHEME + "$" + MIN_ITERATIONS
      + "$c3dpdGNoYm9hcmQtZGVjb3k$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  private final WorkerExecutor workers;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher(WorkerExecutor workers, int iterations) {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations, got " + iterations);
    }
    this.workers = workers;
    this.iterations = iterations;
  }

  /** Hashes an acceptable password (see {@link PasswordPolicy}) on the worker pool. */
  public Future<String> hash(String password) {
    PasswordPolicy.check(password);
    return workers.executeBlocking(() -> hashNow(password), false);
  }

  /** True when {@code password} matches {@code encoded}; a malformed encoding fails the future. */
  public Future<Boolean> verify(String password, String encoded) {
    return workers.executeBlocking(() -> matchesNow(password, encoded), false);
  }

  /** Blocking: hashes with a fresh salt. */
  String hashNow(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new EncodedPassword(iterations, salt, derive(password, salt, iterations)).encoded();
  }

  /** Blocking: compares in constant time with the iterations the encoding names. */
  static boolean matchesNow(String password, String encoded) {
    EncodedPassword stored = EncodedPassword.parse(encoded);
    byte[] candidate = derive(password == null ? "" : password, stored.salt(), stored.iterations());
    byte[] expected = stored.hash();
    boolean equal = candidate.length == expected.length && MessageDigest.isEqual(candidate, expected);
    Arrays.fill(candidate, (byte) 0);
    return equal;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    char[] chars = password.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }
}
