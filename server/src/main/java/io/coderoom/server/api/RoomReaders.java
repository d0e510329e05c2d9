package io.coderoom.server.api;

import io.coderoom.server.account.ApiScope;
import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.SessionCookie;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.transport.Request;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;

/**
 * Who reads a room's record (the room, its runs, its history): the holder of a room link or the API
 * key, as always, or a member of the room's team, signed in or presenting an API token with {@code
 * reports:read}. Another team's room is not found, as for no room at all. Reading outlives the
 * interview: an interviewer's link still reads an ended room (see {@link
 * RoomAccess#authenticateToRead}).
 */
final class RoomReaders {
  private final Callers callers;
  private final RoomAccess access;

  RoomReaders(Callers callers, RoomAccess access) {
    this.callers = callers;
    this.access = access;
  }

  Principal authenticate(Request request, String roomId) throws TokenException {
    Optional<String> bearer = Callers.bearer(request);
    boolean account =
        bearer
            .map(credential -> credential.startsWith(Callers.API_TOKEN_PREFIX))
            .orElseGet(() -> SessionCookie.read(request.headers()).isPresent());
    if (!account) {
      return access.authenticateToRead(roomId, bearer);
    }
    if (callers.identify(request) instanceof Caller.Member member) {
      if (!member.may(ApiScope.REPORTS_READ)) {
        throw new ApiError(
            HttpResponseStatus.FORBIDDEN,
            "insufficient_scope",
            "This API token may not read rooms: it lacks the reports:read scope.");
      }
      return access.authenticate(roomId, member);
    }
    throw ApiError.unauthorized(
        "The API token or session is not valid any more; sign in again or use a live token.");
  }
}
