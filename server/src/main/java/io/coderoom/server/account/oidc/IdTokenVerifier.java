package io.coderoom.server.account.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of OpenID Connect Core 1.0, section 3.1.3.7, on an ID token from the code exchange:
 * signed with an asymmetric key the provider publishes, by the configured issuer, for this client,
 * unexpired and issued now (with a little clock skew), and carrying the sign-in's nonce.
 */
public final class IdTokenVerifier {
  /** How far the provider's clock may be from this server's. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** Symmetric (HS*) signatures are refused: the client secret would sign as the provider. */
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA,
          JWSAlgorithm.Ed25519);

  private final String issuer;
  private final String clientId;
  private final ProviderKeys keys;
  private final Clock clock;

  public IdTokenVerifier(String issuer, String clientId, ProviderKeys keys, Clock clock) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.keys = keys;
    this.clock = clock;
  }

  public IdTokenClaims verify(String idToken, String expectedNonce) throws SignInRefused {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(idToken);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw SignInRefusal.BAD_SIGNATURE.because(
          "the ID token is not a signed JWT: " + e.getMessage());
    }
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    if (!ALGORITHMS.contains(algorithm)) {
      throw SignInRefusal.BAD_SIGNATURE.because("the ID token is signed with " + algorithm);
    }
    checkSignature(jwt);

    if (!issuer.equals(claims.getIssuer())) {
      throw SignInRefusal.WRONG_ISSUER.because(
          "the ID token's issuer is '" + claims.getIssuer() + "', not '" + issuer + "'");
    }
    List<String> audience = Optional.ofNullable(claims.getAudience()).orElse(List.of());
    if (!audience.contains(clientId)) {
      throw SignInRefusal.WRONG_AUDIENCE.because(
          "the ID token is for " + audience + ", not for the client " + clientId);
    }
    String authorizedParty = (String) claims.getClaim("azp");
    if (audience.size() > 1 && authorizedParty == null
        || authorizedParty != null && !authorizedParty.equals(clientId)) {
      throw SignInRefusal.WRONG_AUDIENCE.because(
          "the ID token was issued to " + authorizedParty + ", not to " + clientId);
    }
    checkTimes(claims);
    checkNonce(claims, expectedNonce);

    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw SignInRefusal.PROVIDER_ERROR.because("the ID token names no subject");
    }
    return new IdTokenClaims(
        issuer,
        subject,
        text(claims, "email").map(String::trim).filter(e -> e.contains("@")),
        Boolean.TRUE.equals(claims.getClaim("email_verified")),
        text(claims, "name").or(() -> text(claims, "preferred_username")));
  }

  private void checkSignature(SignedJWT jwt) throws SignInRefused {
    JWK key = keys.keyFor(jwt.getHeader());
    try {
      if (!(key instanceof AsymmetricJWK asymmetric)) {
        throw SignInRefusal.BAD_SIGNATURE.because(
            "the provider's key " + key.getKeyID() + " is not a public key");
      }
      JWSVerifier verifier =
          new DefaultJWSVerifierFactory()
              .createJWSVerifier(jwt.getHeader(), asymmetric.toPublicKey());
      if (!jwt.verify(verifier)) {
        throw SignInRefusal.BAD_SIGNATURE.because(
            "the ID token's signature does not match the provider's key " + key.getKeyID());
      }
    } catch (JOSEException e) {
      throw SignInRefusal.BAD_SIGNATURE.because(
          "the ID token's signature could not be checked: " + e.getMessage());
    }
  }

  private void checkTimes(JWTClaimsSet claims) throws SignInRefused {
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    Date issued = claims.getIssueTime();
    if (expires == null || issued == null) {
      throw SignInRefusal.PROVIDER_ERROR.because("the ID token has no exp or no iat");
    }
    if (!now.minus(CLOCK_SKEW).isBefore(expires.toInstant())) {
      throw SignInRefusal.TOKEN_EXPIRED.because("the ID token expired at " + expires.toInstant());
    }
    if (issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      throw SignInRefusal.TOKEN_EXPIRED.because(
          "the ID token is issued in the future, at " + issued.toInstant());
    }
  }

  private static void checkNonce(JWTClaimsSet claims, String expected) throws SignInRefused {
    String nonce = text(claims, "nonce").orElse("");
    if (!MessageDigest.isEqual(
        nonce.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw SignInRefusal.NONCE_MISMATCH.because(
          nonce.isEmpty()
              ? "the ID token carries no nonce"
              : "the ID token's nonce is another sign-in's");
    }
  }

  private static Optional<String> text(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value && !value.isBlank()
        ? Optional.of(value)
        : Optional.empty();
  }
}
