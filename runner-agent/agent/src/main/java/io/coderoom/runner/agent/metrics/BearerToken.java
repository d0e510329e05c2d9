package io.coderoom.runner.agent.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operators' credential for the agent's {@code /metrics}, from {@code CODEROOM_METRICS_TOKEN},
 * the one the server's {@code /metrics} takes, so one scrape configuration serves both. Unset, the
 * endpoint stays open (it binds to loopback by default). Compared in constant time over digests;
 * only the digest is kept, so no string form of this object can show the token.
 */
public final class BearerToken {
  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> digest;

  private BearerToken(Optional<byte[]> digest) {
    this.digest = digest;
  }

  public static BearerToken none() {
    return new BearerToken(Optional.empty());
  }

  public static BearerToken of(String token) {
    if (token == null || token.isBlank()) {
      return none();
    }
    if (token.strip().length() < 16) {
      throw new IllegalArgumentException("CODEROOM_METRICS_TOKEN must be at least 16 characters");
    }
    return new BearerToken(Optional.of(sha256(token.strip())));
  }

  public boolean required() {
    return digest.isPresent();
  }

  /** Whether an {@code Authorization} header's value opens the endpoint. */
  public boolean admits(Optional<String> authorization) {
    if (digest.isEmpty()) {
      return true;
    }
    return authorization
        .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(value -> value.substring(BEARER.length()).strip())
        .map(presented -> MessageDigest.isEqual(digest.get(), sha256(presented)))
        .orElse(false);
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
