package io.coderoom.server.room;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A room password stored as a slow hash: PBKDF2 with HMAC-SHA256 from the JDK, a random salt per
 * room, and the iteration count in the stored form ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}) so
 * it can grow later without breaking the rooms that exist. A room password guards one interview,
 * typed by the candidate once, so the cost per check matters little and guessing should hurt.
 */
public final class RoomPassword {
  private static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The longest password a room takes; long enough for a passphrase. */
  public static final int MAX_LENGTH = 128;

  private RoomPassword() {}

  /** The stored form of a new password. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether the password matches the stored form; false for a form this class did not write. */
  public static boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }
}
