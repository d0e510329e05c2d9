package io.coderoom.server.account;

import io.coderoom.observability.BearerCredential;
import io.coderoom.server.auth.ApiKey;
import io.coderoom.server.transport.AccountLimits;
import io.coderoom.server.transport.Request;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Optional;

/**
 * Tells who a request comes from: a bearer credential (the API key, or a member's API token) wins
 * over the session cookie. Anything else is {@link Caller.Anonymous}; a room link's token is for
 * the room's own checks. Blocks on the database: run it off the event loops.
 */
public final class Callers {
  /** What every API token starts with, so it is told from the API key and room links at a look. */
  public static final String API_TOKEN_PREFIX = "crt_";

  private final ApiKey apiKey;
  private final Sessions sessions;
  private final ApiTokenVerifier apiTokens;
  private final AccountLimits accountLimits;

  public Callers(ApiKey apiKey, Sessions sessions, ApiTokenVerifier apiTokens) {
    this(apiKey, sessions, apiTokens, AccountLimits.none());
  }

  /**
   * @param accountLimits the per-account rate limits, taken from as soon as a member is known: by
   *     session and by API token alike, so an account has one allowance however it calls
   */
  public Callers(
      ApiKey apiKey, Sessions sessions, ApiTokenVerifier apiTokens, AccountLimits accountLimits) {
    this.apiKey = apiKey;
    this.sessions = sessions;
    this.apiTokens = apiTokens;
    this.accountLimits = accountLimits;
  }

  /**
   * Who sent the request.
   *
   * @throws io.coderoom.server.transport.RateLimited when a member has used their account's
   *     allowance for the request's route
   */
  public Caller identify(Request request) {
    Caller caller = credentialHolder(request);
    if (caller instanceof Caller.Member member) {
      accountLimits.admit(request, AccountAudit.actor(member.signedIn().user()));
    }
    return caller;
  }

  private Caller credentialHolder(Request request) {
    Optional<String> bearer = bearer(request);
    if (bearer.isPresent()) {
      if (apiKey.matches(bearer.get())) {
        return new Caller.ApiKeyHolder();
      }
      if (bearer.get().startsWith(API_TOKEN_PREFIX)) {
        return apiTokens.verify(bearer.get()).<Caller>map(m -> m).orElse(new Caller.Anonymous());
      }
      return new Caller.Anonymous();
    }
    return SessionCookie.read(request.headers())
        .flatMap(sessions::resolve)
        .<Caller>map(Caller.Member::bySession)
        .orElse(new Caller.Anonymous());
  }

  /** The bearer credential of a request, if it has one. */
  public static Optional<String> bearer(Request request) {
    return BearerCredential.of(request.headers().get(HttpHeaderNames.AUTHORIZATION));
  }
}
