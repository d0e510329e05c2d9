package io.coderoom.observability;

import java.util.Optional;

/**
 * Reads the credential of an {@code Authorization: Bearer <credential>} header, alike wherever one
 * is taken: the server's API (its key, members' API tokens, room links) and the operators' {@link
 * MetricsToken} on the server and on each runner agent.
 */
public final class BearerCredential {
  private static final String BEARER = "Bearer ";

  private BearerCredential() {}

  /** The credential in an {@code Authorization} header's value, if it is a non-empty bearer one. */
  public static Optional<String> of(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String credential = authorization.substring(BEARER.length()).strip();
    return credential.isEmpty() ? Optional.empty() : Optional.of(credential);
  }
}
