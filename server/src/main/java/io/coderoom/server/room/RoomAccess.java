package io.coderoom.server.room;

import io.coderoom.server.account.Caller;
import io.coderoom.server.auth.ApiKey;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.auth.TokenException.Reason;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.RoomTables;
import io.coderoom.server.store.TokenRecord;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Decides who a credential belongs to for one room: the API key, or a room token that is correctly
 * signed, unexpired, not revoked, for this room, whose room has not ended. Blocks on the database:
 * run it off the event loops.
 */
public final class RoomAccess {
  private final ApiKey apiKey;
  private final RoomTokenCodec codec;
  private final Jdbi jdbi;

  public RoomAccess(ApiKey apiKey, RoomTokenCodec codec, Jdbi jdbi) {
    this.apiKey = apiKey;
    this.codec = codec;
    this.jdbi = jdbi;
  }

  /** True when the credential is the API key. */
  public boolean isApiKey(String credential) {
    return apiKey.matches(credential);
  }

  /**
   * The principal a team member is in this room: an interviewer when their team owns it (ended
   * rooms included: they stay in the team's past interviews).
   *
   * @throws TokenException ROOM_NOT_FOUND when the room does not exist or is another team's, so a
   *     member learns nothing of other teams' rooms
   */
  public Principal authenticate(String roomId, Caller.Member member) throws TokenException {
    String teamId = member.signedIn().team().teamId();
    boolean ours =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT EXISTS (SELECT 1 FROM rooms WHERE id = :id AND team_id = :teamId)")
                    .bind("id", roomId)
                    .bind("teamId", teamId)
                    .mapTo(Boolean.class)
                    .one());
    if (!ours) {
      throw new TokenException(Reason.ROOM_NOT_FOUND);
    }
    return Principal.member(member.signedIn().user());
  }

  /**
   * The principal the credential stands for in this room.
   *
   * @throws TokenException why the credential does not open the room
   */
  public Principal authenticate(String roomId, Optional<String> credential) throws TokenException {
    if (credential.isEmpty()) {
      throw new TokenException(Reason.MISSING);
    }
    if (apiKey.matches(credential.get())) {
      if (jdbi.withHandle(h -> RoomTables.findRoom(h, roomId)).isEmpty()) {
        throw new TokenException(Reason.ROOM_NOT_FOUND);
      }
      return Principal.apiKey();
    }
    RoomToken token = codec.verify(credential.get());
    if (!token.roomId().equals(roomId)) {
      throw new TokenException(Reason.WRONG_ROOM);
    }
    record Rows(Optional<RoomRecord> room, Optional<TokenRecord> token) {}
    Rows rows =
        jdbi.withHandle(
            h ->
                new Rows(RoomTables.findRoom(h, roomId), RoomTables.findToken(h, token.tokenId())));
    if (rows.room().isEmpty()) {
      throw new TokenException(Reason.ROOM_NOT_FOUND);
    }
    if (rows.room().get().ended()) {
      throw new TokenException(Reason.ROOM_ENDED);
    }
    // A signed token we have no row for was issued against another database: treat as revoked.
    if (rows.token().isEmpty() || rows.token().get().revokedAt().isPresent()) {
      throw new TokenException(Reason.REVOKED);
    }
    return Principal.of(token);
  }
}
