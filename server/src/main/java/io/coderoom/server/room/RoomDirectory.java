package io.coderoom.server.room;

import io.coderoom.crdt.Doc;
import io.coderoom.server.auth.AuthConfig;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.store.DocumentUpdate;
import io.coderoom.server.store.RoomPlan;
import io.coderoom.server.store.RoomPlans;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.RoomRemovals;
import io.coderoom.server.store.RoomTables;
import io.coderoom.server.store.TokenRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates and ends rooms and issues and revokes their links, writing each change and its audit
 * entry in one transaction. Every method blocks on the database: run them off the event loops.
 */
public final class RoomDirectory {
  /** The document and Y.Text holding a room's code (see SharedDocument). */
  private static final String CODE_DOCUMENT = "code";

  private static final String CODE_TEXT = "codemirror";

  private final Jdbi jdbi;
  private final RoomTokenCodec codec;
  private final AuthConfig auth;
  private final Clock clock;

  public RoomDirectory(Jdbi jdbi, RoomTokenCodec codec, AuthConfig auth, Clock clock) {
    this.jdbi = jdbi;
    this.codec = codec;
    this.auth = auth;
    this.clock = clock;
  }

  /**
   * A new room with one link per role.
   *
   * @param room the room as stored
   * @param links the interviewer, candidate and observer links
   */
  public record CreatedRoom(RoomRecord room, Map<Role, IssuedLink> links) {}

  /**
   * Creates a room with its plan: schedule, candidate, password (its stored form) and candidate
   * link validity, which the candidate link issued here already follows. Its starter code, when
   * given, becomes the first update of the {@code code} document, written with the room, so every
   * client's first sync shows it.
   *
   * @param teamId the team that owns it
   * @param createdBy the member who created it (none for the API key)
   */
  public CreatedRoom create(
      String title,
      String language,
      Optional<ProblemRef> problem,
      Optional<String> starterCode,
      RoomPlan plan,
      Optional<String> passwordHash,
      Optional<String> teamId,
      Optional<String> createdBy,
      Principal actor,
      URI publicUrl) {
    Instant now = now();
    RoomRecord room =
        new RoomRecord(Ids.random(), title, language, now, Optional.empty(), false, problem);
    return jdbi.inTransaction(
        h -> {
          RoomTables.insertRoom(h, room);
          RoomPlans.setPlan(h, room.id(), plan, passwordHash);
          RoomPlans.setOwner(h, room.id(), teamId, createdBy);
          starterCode
              .filter(code -> !code.isEmpty())
              .ifPresent(
                  code ->
                      RoomTables.insertFirstUpdate(
                          h,
                          new DocumentUpdate(
                              room.id(), CODE_DOCUMENT, 1, textUpdate(code), actor.actor(), now)));
          RoomTables.audit(
              h,
              room.id(),
              actor.actor(),
              actor.role(),
              "room_created",
              problem.isPresent()
                  ? Map.of(
                      "language",
                      language,
                      "problemId",
                      problem.get().id(),
                      "problemVersion",
                      problem.get().version())
                  : Map.of("language", language));
          Map<Role, IssuedLink> links = new EnumMap<>(Role.class);
          for (Role role : Role.values()) {
            links.put(role, issue(h, room.id(), role, "", actor, publicUrl, now));
          }
          return new CreatedRoom(room, links);
        });
  }

  /** A Yjs update that inserts the text into an empty code document's Y.Text. */
  static byte[] textUpdate(String code) {
    Doc doc = new Doc();
    doc.getText(CODE_TEXT).insert(0, code);
    return doc.encodeStateAsUpdate();
  }

  /** Changes the room's language. False when the room has ended. */
  public boolean setLanguage(String roomId, String language, Principal actor) {
    return changeAudited(
        roomId,
        actor,
        "language_changed",
        Map.of("language", language),
        h -> RoomTables.setLanguage(h, roomId, language));
  }

  /** Sets or clears the room's problem. False when the room has ended. */
  public boolean setProblem(String roomId, Optional<ProblemRef> problem, Principal actor) {
    return changeAudited(
        roomId,
        actor,
        "problem_changed",
        problem.isPresent()
            ? Map.of("problemId", problem.get().id(), "problemVersion", problem.get().version())
            : Map.of("problemId", ""),
        h -> RoomTables.setProblem(h, roomId, problem));
  }

  public Optional<RoomRecord> find(String roomId) {
    return jdbi.withHandle(h -> RoomTables.findRoom(h, roomId));
  }

  /** Ends the room; every link dies with it. False when it had already ended. */
  public boolean end(String roomId, Principal actor) {
    return changeAudited(
        roomId, actor, "room_ended", Map.of(), h -> RoomTables.endRoom(h, roomId, now()));
  }

  /** Locks or unlocks candidate editing. False when the room has ended. */
  public boolean setCandidateLocked(String roomId, boolean locked, Principal actor) {
    return changeAudited(
        roomId,
        actor,
        locked ? "editing_locked" : "editing_unlocked",
        Map.of(),
        h -> RoomTables.setCandidateLocked(h, roomId, locked));
  }

  /** Makes a change and, only when it took, its audit entry, in one transaction. */
  private boolean changeAudited(
      String roomId,
      Principal actor,
      String action,
      Map<String, ?> detail,
      Function<Handle, Boolean> change) {
    return jdbi.inTransaction(
        h -> {
          boolean changed = change.apply(h);
          if (changed) {
            RoomTables.audit(h, roomId, actor.actor(), actor.role(), action, detail);
          }
          return changed;
        });
  }

  public IssuedLink issue(String roomId, Role role, String name, Principal actor, URI publicUrl) {
    return jdbi.inTransaction(h -> issue(h, roomId, role, name, actor, publicUrl, now()));
  }

  public List<TokenRecord> links(String roomId) {
    return jdbi.withHandle(h -> RoomTables.roomTokens(h, roomId));
  }

  /** Whether each of these rooms ended and which of its links were revoked (one query). */
  public List<RoomRemovals> removals(Collection<String> roomIds) {
    return jdbi.withHandle(h -> RoomTables.removals(h, roomIds));
  }

  /** Revokes one link of the room. False when the room has no such live link. */
  public boolean revoke(String roomId, String tokenId, Principal actor) {
    return changeAudited(
        roomId,
        actor,
        "token_revoked",
        Map.of("tokenId", tokenId),
        h -> RoomTables.revokeToken(h, roomId, tokenId, now()));
  }

  IssuedLink issue(
      Handle h,
      String roomId,
      Role role,
      String name,
      Principal actor,
      URI publicUrl,
      Instant now) {
    return issueUntil(h, roomId, role, name, actor, publicUrl, now, expiry(h, roomId, role, now));
  }

  /** Issues a link that expires at the given time. */
  IssuedLink issueUntil(
      Handle h,
      String roomId,
      Role role,
      String name,
      Principal actor,
      URI publicUrl,
      Instant now,
      Instant expiresAt) {
    RoomToken token = new RoomToken(Ids.random(), roomId, role, name, now, expiresAt);
    RoomTables.insertToken(h, token);
    RoomTables.audit(
        h,
        roomId,
        actor.actor(),
        actor.role(),
        "token_issued",
        Map.of("tokenId", token.tokenId(), "role", role.wireName()));
    TokenRecord record =
        new TokenRecord(
            token.tokenId(),
            roomId,
            role,
            name,
            token.issuedAt(),
            token.expiresAt(),
            Optional.empty());
    return new IssuedLink(record, publicUrl + "/rooms/" + roomId + "#token=" + codec.sign(token));
  }

  /** When a link of this role issued now expires: candidates' by the room's plan. */
  private Instant expiry(Handle h, String roomId, Role role, Instant now) {
    if (role != Role.CANDIDATE) {
      return now.plus(auth.linkTtl(role));
    }
    return candidateLinkValidity(RoomPlans.find(h, roomId).orElse(RoomPlan.none()), now)
        .validUntil();
  }

  /** How long a candidate link of a room with this plan, issued now, lasts. */
  public CandidateLinkValidity candidateLinkValidity(RoomPlan plan) {
    return candidateLinkValidity(plan, now());
  }

  /** How long a candidate link of a room with this plan, issued at this time, lasts. */
  public CandidateLinkValidity candidateLinkValidity(RoomPlan plan, Instant at) {
    return CandidateLinkValidity.of(
        plan, at.truncatedTo(ChronoUnit.SECONDS), auth.candidateLinkTtl());
  }

  /** JWT times have second precision; stored times match what tokens say. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
