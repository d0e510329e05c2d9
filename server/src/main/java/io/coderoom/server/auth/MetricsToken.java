package io.coderoom.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operators' credential for {@code /metrics} and {@code /readyz}, from {@code
 * CODEROOM_METRICS_TOKEN}: they tell how many rooms and people are on the server and which
 * dependencies fail, which is no one else's business. Unset, both stay open (a private network, or
 * a scraper on loopback). Compared in constant time over digests, as the API key is.
 */
public final class MetricsToken {
  private final Optional<byte[]> digest;

  private MetricsToken(Optional<byte[]> digest) {
    this.digest = digest;
  }

  /** No token: the endpoints are open. */
  public static MetricsToken none() {
    return new MetricsToken(Optional.empty());
  }

  public static MetricsToken of(String token) {
    if (token == null || token.isBlank()) {
      return none();
    }
    if (token.strip().length() < 16) {
      throw new IllegalArgumentException("CODEROOM_METRICS_TOKEN must be at least 16 characters");
    }
    return new MetricsToken(Optional.of(sha256(token.strip())));
  }

  /** Whether a token is configured, so the endpoints need it. */
  public boolean required() {
    return digest.isPresent();
  }

  /** Whether the presented bearer credential opens the endpoints. */
  public boolean admits(Optional<String> presented) {
    return digest.isEmpty()
        || presented.map(p -> MessageDigest.isEqual(digest.get(), sha256(p))).orElse(false);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
