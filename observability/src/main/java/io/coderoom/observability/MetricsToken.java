package io.coderoom.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operators' credential for what tells how a process is doing, from {@code
 * CODEROOM_METRICS_TOKEN}: the server's {@code /metrics} and {@code /readyz} (how many rooms and
 * people are on it, which dependencies fail) and each runner agent's {@code /metrics}, so one
 * scrape configuration serves both. Unset, they stay open (a private network, or a scraper on
 * loopback). Compared in constant time over digests; only the digest is kept, so no string form of
 * this object can show the token.
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

  /**
   * The token set, or {@link #none()} when {@code token} is unset or blank.
   *
   * @throws IllegalArgumentException when it is shorter than 16 characters
   */
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

  @Override
  public String toString() {
    return required() ? "required" : "none";
  }
}
