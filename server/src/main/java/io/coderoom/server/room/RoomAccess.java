package io.coderoom.server.room;

import io.coderoom.server.account.Caller;
import io.coderoom.server.auth.ApiKey;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.auth.TokenException.Reason;
import io.coderoom.server.store.RoomPlans;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.RoomTables;
import io.coderoom.server.store.TokenRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    return authenticate(roomId, credential, true, false);
  }

  /**
   * The principal the credential stands for when it only reads the room's record (the room, its
   * runs, history, scorecards and report): as {@link #authenticate(String, Optional)}, except that
   * an interviewer's link still opens an ended room. An interview's end closes it to candidates and
   * observers, and to every write, socket and run; the interviewers' notes, the final code and the
   * report stay theirs to read.
   */
  public Principal authenticateToRead(String roomId, Optional<String> credential)
      throws TokenException {
    return authenticate(roomId, credential, true, true);
  }

  /**
   * The principal of a room link before its holder gave the room's password: only for giving it (a
   * link of a room with a password opens nothing else until exchanged).
   */
  public Principal authenticateBeforePassword(String roomId, Optional<String> credential)
      throws TokenException {
    return authenticate(roomId, credential, false, false);
  }

  private Principal authenticate(
      String roomId, Optional<String> credential, boolean password, boolean reading)
      throws TokenException {
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
    record Rows(Optional<RoomRecord> room, Optional<TokenRecord> token, boolean passes) {}
    // Interviewers hold the room's keys; candidates and observers prove the password once, by
    // exchanging their link for one that records it (RoomManager.unlock).
    boolean gated = password && token.role() != Role.INTERVIEWER;
    Rows rows =
        jdbi.withHandle(
            h ->
                new Rows(
                    RoomTables.findRoom(h, roomId),
                    RoomTables.findToken(h, token.tokenId()),
                    !gated || RoomPlans.passesPassword(h, roomId, token.tokenId())));
    if (rows.room().isEmpty()) {
      throw new TokenException(Reason.ROOM_NOT_FOUND);
    }
    if (rows.room().get().ended() && !(reading && token.role() == Role.INTERVIEWER)) {
      throw new TokenException(Reason.ROOM_ENDED);
    }
    // A signed token we have no row for was issued against another database: treat as revoked.
    if (rows.token().isEmpty() || rows.token().get().revokedAt().isPresent()) {
      throw new TokenException(Reason.REVOKED);
    }
    if (!rows.passes()) {
      throw new TokenException(Reason.PASSWORD_REQUIRED);
    }
    return Principal.of(token);
  }

  /**
   * A socket of this principal is about to join the room: a candidate's first one starts the
   * interview (its plan can no longer be edited). Blocks.
   */
  public void joining(String roomId, Principal principal) {
    if (principal.role() == Role.CANDIDATE) {
      jdbi.useHandle(
          h -> RoomPlans.markStarted(h, roomId, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }
  }
}
