package io.coderoom.server.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HMAC keys room tokens are signed with, by key id. The first key signs; all of them verify, so
 * a key is rotated by putting a new one first and dropping the old one once its tokens have
 * expired. Configured as {@code CODEROOM_TOKEN_KEYS=kid1:base64secret,kid2:base64secret}.
 */
public final class TokenKeys {
  /** HS256 needs at least 256 bits of key. */
  static final int MIN_KEY_BYTES = 32;

  private final String signingKeyId;
  private final Map<String, byte[]> keys;

  private TokenKeys(String signingKeyId, Map<String, byte[]> keys) {
    this.signingKeyId = signingKeyId;
    this.keys = keys;
  }

  /**
   * Parses the configuration form.
   *
   * @throws IllegalArgumentException naming what is wrong (never echoing a secret)
   */
  public static TokenKeys parse(String spec) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon <= 0 || colon == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "CODEROOM_TOKEN_KEYS entries look like kid:base64secret, separated by commas");
      }
      String keyId = trimmed.substring(0, colon);
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(trimmed.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "CODEROOM_TOKEN_KEYS key " + keyId + " is not valid base64");
      }
      if (secret.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "CODEROOM_TOKEN_KEYS key " + keyId + " must be at least " + MIN_KEY_BYTES + " bytes");
      }
      if (keys.putIfAbsent(keyId, secret) != null) {
        throw new IllegalArgumentException("CODEROOM_TOKEN_KEYS names key " + keyId + " twice");
      }
    }
    return new TokenKeys(keys.keySet().iterator().next(), keys);
  }

  private static final String EPHEMERAL = "ephemeral";

  /** One fresh random key (tokens signed with it die with the process). */
  public static TokenKeys random() {
    byte[] secret = new byte[MIN_KEY_BYTES];
    new SecureRandom().nextBytes(secret);
    return new TokenKeys(EPHEMERAL, Map.of(EPHEMERAL, secret));
  }

  /** True for keys made by {@link #random()}. */
  public boolean ephemeral() {
    return keys.size() == 1 && keys.containsKey(EPHEMERAL) && signingKeyId.equals(EPHEMERAL);
  }

  String signingKeyId() {
    return signingKeyId;
  }

  byte[] signingKey() {
    return keys.get(signingKeyId);
  }

  Optional<byte[]> key(String keyId) {
    return Optional.ofNullable(keyId == null ? null : keys.get(keyId));
  }
}
