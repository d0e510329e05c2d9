package io.coderoom.server.account.oidc;

import java.util.Objects;
import java.util.Optional;

/**
 * Who an ID token that passed every check names.
 *
 * @param issuer the provider
 * @param subject the person's stable id at the provider (unique within the issuer)
 * @param email the email the provider holds for them, if it shares one
 * @param emailVerified whether the provider verified that email
 * @param name their display name, if the provider shares one
 */
public record IdTokenClaims(
    String issuer,
    String subject,
    Optional<String> email,
    boolean emailVerified,
    Optional<String> name) {

  public IdTokenClaims {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
  }

  /** The email, only when the provider verified it: the only kind that may match an account. */
  public Optional<String> verifiedEmail() {
    return emailVerified ? email : Optional.empty();
  }
}
