package io.coderoom.server.account;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A member's API token as its owner sees it: never its secret, which exists only once, in the
 * answer that created it.
 *
 * @param id the token's id (not secret: it names the token to revoke)
 * @param name what its owner called it, such as the integration that uses it
 * @param scopes what it may do
 * @param createdAt when it was created
 * @param lastUsedAt when it last authenticated a request (to the minute), if ever
 */
public record ApiToken(
    String id, String name, Set<ApiScope> scopes, Instant createdAt, Optional<Instant> lastUsedAt) {
  public ApiToken {
    scopes = Set.copyOf(scopes);
  }
}
