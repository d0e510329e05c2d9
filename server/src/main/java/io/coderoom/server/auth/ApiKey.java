package io.coderoom.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The interviewer credential for creating rooms, from {@code CODEROOM_API_KEY}. Compared in
 * constant time over digests, so neither timing nor length tells anything about it.
 */
public final class ApiKey {
  private final Optional<byte[]> digest;

  private ApiKey(Optional<byte[]> digest) {
    this.digest = digest;
  }

  /** No key configured: room creation is refused until one is. */
  public static ApiKey none() {
    return new ApiKey(Optional.empty());
  }

  public static ApiKey of(String key) {
    if (key == null || key.isBlank()) {
      return none();
    }
    if (key.length() < 16) {
      throw new IllegalArgumentException("CODEROOM_API_KEY must be at least 16 characters");
    }
    return new ApiKey(Optional.of(sha256(key)));
  }

  public boolean configured() {
    return digest.isPresent();
  }

  public boolean matches(String presented) {
    return presented != null
        && digest.isPresent()
        && MessageDigest.isEqual(digest.get(), sha256(presented));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
