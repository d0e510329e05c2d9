package io.coderoom.server.api;

import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.transport.Request;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The member behind a request to an account page's endpoint. Managing one's account (tokens, the
 * team) needs a signed-in session: an API token is for integrations and cannot mint or revoke
 * tokens or change the team, so a leaked token cannot entrench itself.
 */
final class Members {
  private Members() {}

  /** The member of a session, or {@code 401 signed_out}, or {@code 403 session_required}. */
  static SignedIn bySession(Callers callers, Request request) {
    Caller caller = callers.identify(request);
    if (caller instanceof Caller.Member member) {
      if (member.via() == Caller.Via.SESSION) {
        return member.signedIn();
      }
      throw new ApiError(
          HttpResponseStatus.FORBIDDEN,
          "session_required",
          "Managing tokens and the team needs a signed-in session, not an API token.");
    }
    throw new ApiError(HttpResponseStatus.UNAUTHORIZED, "signed_out", "You are not signed in.");
  }
}
