package io.coderoom.server.account.passkey;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a browser passes to {@code navigator.credentials.create} and {@code .get}, in the
 * WebAuthn JSON form (PublicKeyCredentialCreationOptionsJSON and
 * PublicKeyCredentialRequestOptionsJSON: binary values as base64url without padding).
 *
 * <p>Every passkey is discoverable (a resident key), so signing in needs no user name and sends an
 * empty allow list; and every ceremony requires user verification, because a passkey is the only
 * credential an account has: the PIN or biometric check is what makes a stolen security key or
 * unlocked laptop not enough on its own.
 */
public final class PasskeyOptions {
  /** How long a browser may take, and how long the server keeps the ceremony. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** COSE algorithm ids, in order of preference: ES256, EdDSA, RS256. */
  static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);

  private static final String RP_NAME = "Coderoom";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private PasskeyOptions() {}

  /** Options that create a passkey for this person, not again on an authenticator holding one. */
  public static Map<String, Object> creation(
      RelyingParty rp,
      byte[] challenge,
      byte[] userHandle,
      String userName,
      List<byte[]> existingCredentials) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("rp", Map.of("id", rp.id(), "name", RP_NAME));
    options.put(
        "user", Map.of("id", encode(userHandle), "name", userName, "displayName", userName));
    options.put("challenge", encode(challenge));
    options.put(
        "pubKeyCredParams",
        ALGORITHMS.stream().map(alg -> Map.of("type", "public-key", "alg", alg)).toList());
    options.put("timeout", TIMEOUT.toMillis());
    options.put("excludeCredentials", descriptors(existingCredentials));
    options.put(
        "authenticatorSelection",
        Map.of(
            "residentKey", "required",
            "requireResidentKey", true,
            "userVerification", "required"));
    // Any authenticator a person trusts will do: Coderoom does not restrict makes or models.
    options.put("attestation", "none");
    return options;
  }

  /** Options that ask the browser for any passkey of this site (discoverable credentials). */
  public static Map<String, Object> request(RelyingParty rp, byte[] challenge) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("challenge", encode(challenge));
    options.put("timeout", TIMEOUT.toMillis());
    options.put("rpId", rp.id());
    options.put("allowCredentials", List.of());
    options.put("userVerification", "required");
    return options;
  }

  /** Bytes as WebAuthn's JSON form writes them: base64url without padding. */
  public static String encode(byte[] bytes) {
    return BASE64URL.encodeToString(bytes);
  }

  private static List<Map<String, Object>> descriptors(List<byte[]> credentials) {
    return credentials.stream()
        .map(id -> Map.<String, Object>of("type", "public-key", "id", encode(id)))
        .toList();
  }
}
