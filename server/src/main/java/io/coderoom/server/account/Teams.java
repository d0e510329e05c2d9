package io.coderoom.server.account;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What owners and admins do to their team: invite by one-time link, revoke an invitation, remove a
 * member, change a member's role. Each change and its audit entry share one transaction, and
 * changes to one team's members are serialised, so the team always keeps an owner. Blocks on the
 * database: run it off the event loops.
 */
public final class Teams {
  private final Jdbi jdbi;
  private final Clock clock;
  private final OneTimeLinks links;

  public Teams(Jdbi jdbi, Clock clock, OneTimeLinks links) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.links = links;
  }

  /** Why a change to the team was refused. */
  public enum Refusal {
    /** The member may not do this (an interviewer managing, an admin touching an owner). */
    NOT_ALLOWED,
    /** No such member, invitation or user in this team. */
    NOT_FOUND,
    /** It would leave the team without an owner. */
    LAST_OWNER
  }

  /** A refused change. */
  public static final class Refused extends RuntimeException {
    private final Refusal refusal;

    Refused(Refusal refusal, String message) {
      super(message, null, false, false);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** The team's pending invitations, newest first. */
  public List<Invitation> invitations(String teamId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, role, email, created_by, created_at, expires_at FROM one_time_links"
                        + " WHERE team_id = :teamId AND purpose = 'invitation' AND used_at IS NULL"
                        + " AND expires_at > :now ORDER BY created_at DESC, id")
                .bind("teamId", teamId)
                .bind("now", Timestamp.from(clock.instant()))
                .map(
                    (rs, ctx) ->
                        new Invitation(
                            rs.getString("id"),
                            TeamRole.fromWireName(rs.getString("role"))
                                .orElse(TeamRole.INTERVIEWER),
                            Optional.ofNullable(rs.getString("email")),
                            rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("expires_at").toInstant()))
                .list());
  }

  /**
   * Issues an invitation link to the manager's team.
   *
   * @param role admin or interviewer (owners are made by promotion, by an owner)
   */
  public OneTimeLinks.Issued invite(
      SignedIn by, TeamRole role, Optional<String> email, Duration ttl, URI publicUrl) {
    requireManager(by);
    if (role == TeamRole.OWNER) {
      throw new Refused(
          Refusal.NOT_ALLOWED, "Invite as admin or interviewer; an owner can promote later.");
    }
    return jdbi.inTransaction(
        h -> {
          OneTimeLinks.Issued issued =
              links.issue(
                  h,
                  OneTimeLinks.Grant.invitation(by.team(), role, email),
                  AccountAudit.actor(by.user()),
                  ttl,
                  publicUrl);
          AccountAudit.record(
              h,
              Optional.of(by.team().teamId()),
              AccountAudit.actor(by.user()),
              "invitation_issued",
              Map.of("invitationId", issued.id(), "role", role.wireName()));
          return issued;
        });
  }

  /** Revokes a pending invitation of the manager's team: its link stops working at once. */
  public void revokeInvitation(SignedIn by, String invitationId) {
    requireManager(by);
    jdbi.useTransaction(
        h -> {
          Instant now = clock.instant();
          int revoked =
              h.createUpdate(
                      "UPDATE one_time_links SET expires_at = :now WHERE id = :id"
                          + " AND team_id = :teamId AND purpose = 'invitation'"
                          + " AND used_at IS NULL AND expires_at > :now")
                  .bind("now", Timestamp.from(now))
                  .bind("id", invitationId)
                  .bind("teamId", by.team().teamId())
                  .execute();
          if (revoked == 0) {
            throw new Refused(
                Refusal.NOT_FOUND, "The team has no pending invitation " + invitationId + ".");
          }
          AccountAudit.record(
              h,
              Optional.of(by.team().teamId()),
              AccountAudit.actor(by.user()),
              "invitation_revoked",
              Map.of("invitationId", invitationId));
        });
  }

  /**
   * Removes a member from the manager's team: their sessions end and their API tokens are revoked
   * in the same transaction, so nothing they hold works afterwards.
   */
  public void remove(SignedIn by, String userId) {
    requireManager(by);
    jdbi.useTransaction(
        h -> {
          String teamId = by.team().teamId();
          TeamRole current = lockedRole(h, teamId, userId);
          if (current == TeamRole.OWNER && by.team().role() != TeamRole.OWNER) {
            throw new Refused(Refusal.NOT_ALLOWED, "Only an owner may remove an owner.");
          }
          if (current == TeamRole.OWNER && owners(h, teamId) == 1) {
            throw new Refused(
                Refusal.LAST_OWNER,
                "The team's last owner cannot be removed; make someone else an owner first.");
          }
          h.createUpdate("DELETE FROM team_members WHERE team_id = :teamId AND user_id = :userId")
              .bind("teamId", teamId)
              .bind("userId", userId)
              .execute();
          int sessions = Sessions.endAll(h, userId);
          int tokens = ApiTokens.revokeAll(h, userId, clock.instant());
          AccountAudit.record(
              h,
              Optional.of(teamId),
              AccountAudit.actor(by.user()),
              "member_removed",
              Map.of(
                  "userId",
                  userId,
                  "role",
                  current.wireName(),
                  "sessionsEnded",
                  sessions,
                  "tokensRevoked",
                  tokens));
        });
  }

  /** Changes a member's role in the manager's team. */
  public void changeRole(SignedIn by, String userId, TeamRole role) {
    requireManager(by);
    jdbi.useTransaction(
        h -> {
          String teamId = by.team().teamId();
          TeamRole current = lockedRole(h, teamId, userId);
          boolean touchesOwner = current == TeamRole.OWNER || role == TeamRole.OWNER;
          if (touchesOwner && by.team().role() != TeamRole.OWNER) {
            throw new Refused(Refusal.NOT_ALLOWED, "Only an owner may make or unmake an owner.");
          }
          if (current == TeamRole.OWNER && role != TeamRole.OWNER && owners(h, teamId) == 1) {
            throw new Refused(
                Refusal.LAST_OWNER,
                "The team's last owner cannot step down; make someone else an owner first.");
          }
          if (current == role) {
            return;
          }
          h.createUpdate(
                  "UPDATE team_members SET role = :role WHERE team_id = :teamId"
                      + " AND user_id = :userId")
              .bind("role", role.wireName())
              .bind("teamId", teamId)
              .bind("userId", userId)
              .execute();
          AccountAudit.record(
              h,
              Optional.of(teamId),
              AccountAudit.actor(by.user()),
              "member_role_changed",
              Map.of("userId", userId, "from", current.wireName(), "to", role.wireName()));
        });
  }

  private static void requireManager(SignedIn by) {
    if (!by.team().role().manages()) {
      throw new Refused(Refusal.NOT_ALLOWED, "Only the team's owners and admins manage members.");
    }
  }

  /**
   * The member's role, with the team locked for the rest of the transaction: two concurrent changes
   * cannot each see another owner and both remove one.
   */
  private static TeamRole lockedRole(Handle h, String teamId, String userId) {
    h.createQuery("SELECT id FROM teams WHERE id = :teamId FOR UPDATE")
        .bind("teamId", teamId)
        .mapTo(String.class)
        .findOne();
    return h.createQuery(
            "SELECT role FROM team_members WHERE team_id = :teamId AND user_id = :userId")
        .bind("teamId", teamId)
        .bind("userId", userId)
        .mapTo(String.class)
        .findOne()
        .flatMap(TeamRole::fromWireName)
        .orElseThrow(
            () -> new Refused(Refusal.NOT_FOUND, "The team has no member " + userId + "."));
  }

  private static int owners(Handle h, String teamId) {
    return h.createQuery(
            "SELECT count(*) FROM team_members WHERE team_id = :teamId AND role = 'owner'")
        .bind("teamId", teamId)
        .mapTo(Integer.class)
        .one();
  }
}
