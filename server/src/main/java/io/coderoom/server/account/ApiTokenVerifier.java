package io.coderoom.server.account;

import java.util.Optional;

/** Checks a per-user API token presented as a bearer credential. Blocks on the database. */
@FunctionalInterface
public interface ApiTokenVerifier {
  /** Verifies nothing: no token is valid. */
  ApiTokenVerifier NONE = token -> Optional.empty();

  /** The member the token acts for, if it is a live token; empty for anything else. */
  Optional<Caller.Member> verify(String token);
}
