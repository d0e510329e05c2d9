package io.coderoom.server.room;

import io.coderoom.server.account.AccountAudit;
import io.coderoom.server.auth.Role;
import io.coderoom.server.store.PlanChange;
import io.coderoom.server.store.RoomFilter;
import io.coderoom.server.store.RoomListing;
import io.coderoom.server.store.RoomListings;
import io.coderoom.server.store.RoomPlan;
import io.coderoom.server.store.RoomPlans;
import io.coderoom.server.store.RoomTables;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What interviewers do to the rooms of their team from the dashboard: list, edit before the start,
 * issue the candidate link again, delete; and what a link's holder agrees to or proves before
 * joining: the recording notice and the room's password. Each change and its audit entry share one
 * transaction. Every method blocks: run them off the event loops.
 */
public final class RoomManager {
  private final Jdbi jdbi;
  private final RoomDirectory directory;

  public RoomManager(Jdbi jdbi, RoomDirectory directory) {
    this.jdbi = jdbi;
    this.directory = directory;
  }

  public List<RoomListing> list(RoomFilter filter) {
    return jdbi.withHandle(h -> RoomListings.list(h, filter));
  }

  public Optional<RoomListings.Ownership> ownership(String roomId) {
    return jdbi.withHandle(h -> RoomListings.ownership(h, roomId));
  }

  public Optional<RoomListing> listing(String roomId) {
    return jdbi.withHandle(h -> RoomListings.one(h, roomId));
  }

  /**
   * Erases the room and everything stored with it, leaving its tombstone; the deletion goes to the
   * account-level audit log (the room's own log is erased with it). Empty when there is no such
   * room; else when it was deleted.
   */
  public Optional<Instant> delete(String roomId, Principal actor, Optional<String> teamId) {
    return jdbi.inTransaction(
        h -> {
          Instant now = directory.now();
          if (!RoomPlans.erase(h, roomId, actor.actor(), now)) {
            return Optional.<Instant>empty();
          }
          AccountAudit.record(h, teamId, actor.actor(), "room_deleted", Map.of("roomId", roomId));
          return Optional.of(now);
        });
  }

  public Optional<RoomPlan> plan(String roomId) {
    return jdbi.withHandle(h -> RoomPlans.find(h, roomId));
  }

  /** The outcome of an edit. */
  public enum Edit {
    CHANGED,
    /** A candidate joined already, or the room ended: its plan is fixed. */
    STARTED,
    NOT_FOUND
  }

  /** Changes a room that has not started. */
  public Edit edit(String roomId, PlanChange change, Principal actor) {
    return jdbi.inTransaction(
        h -> {
          if (RoomTables.findRoom(h, roomId).isEmpty()) {
            return Edit.NOT_FOUND;
          }
          if (!RoomPlans.change(h, roomId, change)) {
            return Edit.STARTED;
          }
          RoomTables.audit(
              h,
              roomId,
              actor.actor(),
              actor.role(),
              "room_edited",
              Map.of("fields", change.changedFields()));
          return Edit.CHANGED;
        });
  }

  /**
   * A fresh candidate link after every earlier one was revoked (with the links exchanged for them).
   *
   * @param link the new link
   * @param revoked the ids of the links revoked: their open sockets must close
   */
  public record Reissued(IssuedLink link, List<String> revoked) {}

  public Reissued reissueCandidateLink(String roomId, Principal actor, URI publicUrl) {
    return jdbi.inTransaction(
        h -> {
          Instant now = directory.now();
          List<String> revoked = new ArrayList<>(RoomPlans.revokeCandidateLinks(h, roomId, now));
          RoomTables.audit(
              h,
              roomId,
              actor.actor(),
              actor.role(),
              "candidate_link_reissued",
              Map.of("revoked", revoked));
          IssuedLink link = directory.issue(h, roomId, Role.CANDIDATE, "", actor, publicUrl, now);
          return new Reissued(link, revoked);
        });
  }

  /**
   * Revokes the links exchanged (with the password) for a revoked link; their ids, whose sockets
   * must close too.
   */
  public List<String> revokeExchanged(String roomId, String tokenId) {
    return jdbi.withHandle(h -> RoomPlans.revokeExchanged(h, roomId, tokenId, directory.now()));
  }

  /**
   * Exchanges a link of a room with a password for one that proves it. Empty when the password is
   * wrong (or the room has none: then the link opens it as it is).
   */
  public Optional<IssuedLink> unlock(
      String roomId, Principal holder, String password, URI publicUrl) {
    var token = holder.token().orElseThrow();
    Optional<String> stored = jdbi.withHandle(h -> RoomPlans.passwordHash(h, roomId));
    // The slow hash runs outside the transaction: no row waits on it.
    if (stored.isEmpty() || !RoomPassword.matches(password, stored.get())) {
      return Optional.empty();
    }
    return Optional.of(
        jdbi.inTransaction(
            h -> {
              Instant now = directory.now();
              RoomPlan plan = RoomPlans.find(h, roomId).orElseThrow();
              IssuedLink link =
                  directory.issueUntil(
                      h,
                      roomId,
                      token.role(),
                      token.name(),
                      holder,
                      publicUrl,
                      now,
                      token.expiresAt());
              RoomPlans.markExchanged(
                  h,
                  link.token().id(),
                  RoomPlans.originalLink(h, token.tokenId()),
                  plan.passwordVersion());
              RoomTables.audit(
                  h,
                  roomId,
                  holder.actor(),
                  holder.role(),
                  "password_given",
                  Map.of("tokenId", link.token().id()));
              return link;
            }));
  }

  /** When this link's holder consented to the recording notice, if they did. */
  public Optional<Instant> consentedAt(String roomId, Principal holder) {
    return jdbi.withHandle(
        h ->
            RoomPlans.consentedAt(
                h, RoomPlans.originalLink(h, holder.token().orElseThrow().tokenId())));
  }

  /** Records that this link's holder read the notice and chose to continue. */
  public Instant consent(String roomId, Principal holder, int retentionDays) {
    return jdbi.inTransaction(
        h -> {
          String link = RoomPlans.originalLink(h, holder.token().orElseThrow().tokenId());
          Instant now = directory.now();
          if (RoomPlans.consent(h, roomId, link, now, retentionDays)) {
            RoomTables.audit(
                h,
                roomId,
                holder.actor(),
                holder.role(),
                "consented",
                Map.of("tokenId", link, "retentionDays", retentionDays));
            return now;
          }
          return RoomPlans.consentedAt(h, link).orElse(now);
        });
  }

  /** A candidate's socket was admitted: the room has started, if it had not. */
  public void candidateJoined(String roomId) {
    jdbi.useHandle(h -> RoomPlans.markStarted(h, roomId, directory.now()));
  }
}
