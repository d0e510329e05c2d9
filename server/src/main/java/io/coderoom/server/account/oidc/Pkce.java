package io.coderoom.server.account.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: the code the provider hands back is
 * worth nothing without the verifier only this server holds.
 *
 * @param verifier the secret sent with the code exchange
 * @param challenge its SHA-256, sent with the authorization request
 */
public record Pkce(String verifier, String challenge) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh verifier of 32 random bytes (43 characters, as RFC 7636 recommends). */
  public static Pkce generate() {
    return of(randomToken());
  }

  public static Pkce of(String verifier) {
    return new Pkce(verifier, base64Url(sha256(verifier)));
  }

  /** 32 random bytes in base64url: states, nonces, verifiers and browser bindings. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return base64Url(bytes);
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
