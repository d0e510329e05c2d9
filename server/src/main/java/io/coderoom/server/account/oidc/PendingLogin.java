package io.coderoom.server.account.oidc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in sent to the provider and not back yet: what the callback must match.
 *
 * @param state the value the provider echoes, which finds this login
 * @param nonce the value the ID token must carry
 * @param pkce the verifier the code exchange proves possession of
 * @param browserBinding SHA-256 of the cookie the starting browser got: the callback must come from
 *     the same browser
 * @param link the one-time link (setup, invitation, recovery) the person started from, if any
 * @param startedAt when it started; it expires a few minutes later
 */
public record PendingLogin(
    String state,
    String nonce,
    Pkce pkce,
    String browserBinding,
    Optional<String> link,
    Instant startedAt) {

  public PendingLogin {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(pkce, "pkce");
    Objects.requireNonNull(browserBinding, "browserBinding");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** A copy expecting another nonce (what a provider that mixes up sign-ins would break). */
  PendingLogin withNonce(String otherNonce) {
    return new PendingLogin(state, otherNonce, pkce, browserBinding, link, startedAt);
  }
}
