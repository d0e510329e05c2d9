package io.coderoom.server.account.oidc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Which account a provider's person (issuer and subject) signs in to. In the caller's transaction.
 */
final class OidcIdentities {
  private OidcIdentities() {}

  /** The account this person signs in to, noting the use and the email the provider gave now. */
  static Optional<String> use(Handle h, IdTokenClaims person, Instant now) {
    return h.createQuery(
            "UPDATE oidc_identities SET last_used_at = :now, email = :email"
                + " WHERE issuer = :issuer AND subject = :subject RETURNING user_id")
        .bind("now", Timestamp.from(now))
        .bind("email", person.email().orElse(null))
        .bind("issuer", person.issuer())
        .bind("subject", person.subject())
        .mapTo(String.class)
        .findOne();
  }

  /** Links this person to an account. */
  static void link(Handle h, IdTokenClaims person, String userId, Instant now) {
    h.createUpdate(
            "INSERT INTO oidc_identities (issuer, subject, user_id, email, created_at, last_used_at)"
                + " VALUES (:issuer, :subject, :userId, :email, :now, :now)")
        .bind("issuer", person.issuer())
        .bind("subject", person.subject())
        .bind("userId", userId)
        .bind("email", person.email().orElse(null))
        .bind("now", Timestamp.from(now))
        .execute();
  }
}
