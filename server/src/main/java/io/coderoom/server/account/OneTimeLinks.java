package io.coderoom.server.account;

import io.coderoom.server.room.Ids;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Issues and redeems one-time links. A link is {@code {public URL}/account/link#token=SECRET}: the
 * secret stays in the fragment, which browsers never send to a server, and the database keeps only
 * its hash. Blocks on the database: run it off the event loops.
 */
public final class OneTimeLinks {
  /** How long a link works unless the issuer says otherwise. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);

  private static final String SECRET_PREFIX = "crl_";

  private final Jdbi jdbi;
  private final Clock clock;

  public OneTimeLinks(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * A link as issued: the only time its secret exists outside the holder's hands.
   *
   * @param id the row id
   * @param token the secret
   * @param url the address to open
   * @param expiresAt when it stops working
   */
  public record Issued(String id, String token, URI url, Instant expiresAt) {}

  /** What to issue. */
  public record Grant(
      LinkPurpose purpose,
      Optional<String> userId,
      Optional<String> teamId,
      Optional<String> teamName,
      Optional<TeamRole> role,
      Optional<String> email) {

    public static Grant setup(Optional<String> teamName) {
      return new Grant(
          LinkPurpose.SETUP,
          Optional.empty(),
          Optional.empty(),
          teamName,
          Optional.of(TeamRole.OWNER),
          Optional.empty());
    }

    public static Grant invitation(Membership team, TeamRole role, Optional<String> email) {
      return new Grant(
          LinkPurpose.INVITATION,
          Optional.empty(),
          Optional.of(team.teamId()),
          Optional.of(team.teamName()),
          Optional.of(role),
          email);
    }

    public static Grant recovery(User user) {
      return new Grant(
          LinkPurpose.RECOVERY,
          Optional.of(user.id()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          user.email());
    }
  }

  public Issued issue(Grant grant, String createdBy, Duration ttl, URI publicUrl) {
    return jdbi.inTransaction(h -> issue(h, grant, createdBy, ttl, publicUrl));
  }

  public Issued issue(Handle h, Grant grant, String createdBy, Duration ttl, URI publicUrl) {
    String id = Ids.random();
    String token = SecretTokens.generate(SECRET_PREFIX);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    h.createUpdate(
            "INSERT INTO one_time_links (id, secret_hash, purpose, user_id, team_id, team_name,"
                + " role, email, created_by, created_at, expires_at) VALUES (:id, :hash, :purpose,"
                + " :userId, :teamId, :teamName, :role, :email, :createdBy, :now, :expiresAt)")
        .bind("id", id)
        .bind("hash", SecretTokens.hash(token))
        .bind("purpose", grant.purpose().wireName())
        .bind("userId", grant.userId().orElse(null))
        .bind("teamId", grant.teamId().orElse(null))
        .bind("teamName", grant.teamName().orElse(null))
        .bind("role", grant.role().map(TeamRole::wireName).orElse(null))
        .bind("email", grant.email().orElse(null))
        .bind("createdBy", createdBy)
        .bind("now", Timestamp.from(now))
        .bind("expiresAt", Timestamp.from(expiresAt))
        .execute();
    URI url = publicUrl.resolve("/account/link#token=" + token);
    return new Issued(id, token, url, expiresAt);
  }

  /** The link the secret opens, if it is unused and unexpired; uses nothing. */
  public Optional<OneTimeLink> peek(String token) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM one_time_links WHERE secret_hash = :hash AND used_at IS NULL"
                        + " AND expires_at > :now")
                .bind("hash", SecretTokens.hash(token))
                .bind("now", Timestamp.from(clock.instant()))
                .map((rs, ctx) -> link(rs))
                .findOne());
  }

  /**
   * Uses the link, once: of two requests racing with the same secret, one gets it. Call it in the
   * transaction that attaches the credential, so a failure leaves the link unused.
   */
  public Optional<OneTimeLink> consume(Handle h, String token, String usedBy) {
    return h.createQuery(
            "UPDATE one_time_links SET used_at = :now, used_by = :usedBy WHERE secret_hash = :hash"
                + " AND used_at IS NULL AND expires_at > :now RETURNING *")
        .bind("hash", SecretTokens.hash(token))
        .bind("now", Timestamp.from(clock.instant()))
        .bind("usedBy", usedBy)
        .map((rs, ctx) -> link(rs))
        .findOne();
  }

  private static OneTimeLink link(ResultSet rs) throws SQLException {
    return new OneTimeLink(
        rs.getString("id"),
        LinkPurpose.fromWireName(rs.getString("purpose")).orElseThrow(),
        Optional.ofNullable(rs.getString("user_id")),
        Optional.ofNullable(rs.getString("team_id")),
        Optional.ofNullable(rs.getString("team_name")),
        Optional.ofNullable(rs.getString("role")).flatMap(TeamRole::fromWireName),
        Optional.ofNullable(rs.getString("email")),
        rs.getTimestamp("expires_at").toInstant());
  }
}
