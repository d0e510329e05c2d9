package io.coderoom.server.room;

import io.coderoom.server.account.AccountAudit;
import io.coderoom.server.account.User;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import java.util.Optional;

/**
 * Who is asking: the holder of the API key (an interviewer for every room), a member of the room's
 * team (an interviewer of it), or the holder of a room token.
 *
 * @param actor how the audit log names them: {@code api-key}, {@code user:<id>} or {@code
 *     token:<id>}
 * @param role the role they act in
 * @param token the room token, when they presented one
 */
public record Principal(String actor, Role role, Optional<RoomToken> token) {
  public static final String API_KEY_ACTOR = "api-key";

  public static Principal apiKey() {
    return new Principal(API_KEY_ACTOR, Role.INTERVIEWER, Optional.empty());
  }

  /** A member of the room's team: an interviewer of every room the team owns. */
  public static Principal member(User user) {
    return new Principal(AccountAudit.actor(user), Role.INTERVIEWER, Optional.empty());
  }

  public static Principal of(RoomToken token) {
    return new Principal(tokenActor(token.tokenId()), token.role(), Optional.of(token));
  }

  /** The actor of whoever holds the link with this token id. */
  public static String tokenActor(String tokenId) {
    return "token:" + tokenId;
  }
}
