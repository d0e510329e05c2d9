package io.coderoom.server.account;

import java.util.EnumSet;
import java.util.Set;

/** Who an HTTP request comes from, before any room is involved. */
public sealed interface Caller {
  /** No credential, or one that is not an account's (a room link is checked per room). */
  record Anonymous() implements Caller {}

  /** The configured {@code CODEROOM_API_KEY}: automation and bootstrap. */
  record ApiKeyHolder() implements Caller {}

  /**
   * A team member, signed in by a session or presenting one of their API tokens.
   *
   * @param signedIn who and for which team
   * @param via how the request proved it
   * @param scopes what it may do (all of them for a session)
   */
  record Member(SignedIn signedIn, Via via, Set<ApiScope> scopes) implements Caller {
    public Member {
      scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public static Member bySession(SignedIn signedIn) {
      return new Member(signedIn, Via.SESSION, EnumSet.allOf(ApiScope.class));
    }

    public boolean may(ApiScope scope) {
      return scopes.contains(scope);
    }
  }

  /** How a member proved who they are. */
  enum Via {
    SESSION,
    API_TOKEN
  }
}
