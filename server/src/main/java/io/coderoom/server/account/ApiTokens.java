package io.coderoom.server.account;

import io.coderoom.server.room.Ids;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-user API tokens for integrations. A token acts for its owner in the team it was made in, only
 * within its scopes, and only while the owner is still a member of that team: removing a member or
 * revoking a token stops it at the next request, since every request looks it up. Only the secret's
 * SHA-256 is stored. Blocks on the database: run it off the event loops.
 */
public final class ApiTokens implements ApiTokenVerifier {
  /** Live tokens one person may hold; enough for every integration, few enough to list. */
  public static final int MAX_PER_USER = 50;

  public static final int MAX_NAME = 80;

  /** A token's last use is written at most this often, not on every request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Clock clock;

  public ApiTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * A token as created: the only time its secret exists outside its holder's hands.
   *
   * @param token what its owner sees of it from now on
   * @param secret the bearer credential, {@code crt_…}
   */
  public record Created(ApiToken token, String secret) {}

  /** Thrown when the owner already holds {@link #MAX_PER_USER} live tokens. */
  public static final class TooMany extends RuntimeException {
    TooMany() {
      super("You have " + MAX_PER_USER + " tokens already; revoke one you no longer use first.");
    }
  }

  /** Creates a token for the signed-in member, in their team, and audits it. */
  public Created create(SignedIn owner, String name, Set<ApiScope> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one scope");
    }
    String secret = SecretTokens.generate(Callers.API_TOKEN_PREFIX);
    ApiToken token =
        new ApiToken(
            Ids.random(),
            name,
            scopes,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            Optional.empty());
    return jdbi.inTransaction(
        h -> {
          // One owner's creations are serialised, so the cap holds under concurrent requests.
          h.createQuery("SELECT id FROM users WHERE id = :id FOR UPDATE")
              .bind("id", owner.user().id())
              .mapTo(String.class)
              .one();
          int live =
              h.createQuery(
                      "SELECT count(*) FROM api_tokens WHERE user_id = :userId"
                          + " AND revoked_at IS NULL")
                  .bind("userId", owner.user().id())
                  .mapTo(Integer.class)
                  .one();
          if (live >= MAX_PER_USER) {
            throw new TooMany();
          }
          h.createUpdate(
                  "INSERT INTO api_tokens (id, secret_hash, user_id, team_id, name, scopes,"
                      + " created_at) VALUES (:id, :hash, :userId, :teamId, :name, :scopes,"
                      + " :createdAt)")
              .bind("id", token.id())
              .bind("hash", SecretTokens.hash(secret))
              .bind("userId", owner.user().id())
              .bind("teamId", owner.team().teamId())
              .bind("name", name)
              .bindArray("scopes", String.class, (Object[]) wireNames(scopes))
              .bind("createdAt", Timestamp.from(token.createdAt()))
              .execute();
          AccountAudit.record(
              h,
              Optional.of(owner.team().teamId()),
              AccountAudit.actor(owner.user()),
              "api_token_created",
              Map.of("tokenId", token.id(), "scopes", List.of(wireNames(scopes))));
          return new Created(token, secret);
        });
  }

  /** The member's live tokens, newest first. */
  public List<ApiToken> list(String userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM api_tokens WHERE user_id = :userId AND revoked_at IS NULL"
                        + " ORDER BY created_at DESC, id")
                .bind("userId", userId)
                .map((rs, ctx) -> token(rs))
                .list());
  }

  /**
   * Revokes one of the member's own tokens and audits it.
   *
   * @return false when they hold no live token with this id
   */
  public boolean revoke(SignedIn owner, String tokenId) {
    return jdbi.inTransaction(
        h -> {
          int revoked =
              h.createUpdate(
                      "UPDATE api_tokens SET revoked_at = :now WHERE id = :id"
                          + " AND user_id = :userId AND revoked_at IS NULL")
                  .bind("now", Timestamp.from(clock.instant()))
                  .bind("id", tokenId)
                  .bind("userId", owner.user().id())
                  .execute();
          if (revoked == 0) {
            return false;
          }
          AccountAudit.record(
              h,
              Optional.of(owner.team().teamId()),
              AccountAudit.actor(owner.user()),
              "api_token_revoked",
              Map.of("tokenId", tokenId));
          return true;
        });
  }

  /** Revokes every live token of a user, in the caller's transaction; how many. */
  public static int revokeAll(Handle h, String userId, Instant now) {
    return h.createUpdate(
            "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :userId"
                + " AND revoked_at IS NULL")
        .bind("now", Timestamp.from(now))
        .bind("userId", userId)
        .execute();
  }

  @Override
  public Optional<Caller.Member> verify(String secret) {
    Instant now = clock.instant();
    record Row(String id, String userId, String teamId, Set<ApiScope> scopes, Instant lastUsed) {}
    return jdbi.inTransaction(
        h -> {
          Optional<Row> row =
              h.createQuery(
                      "SELECT id, user_id, team_id, scopes, last_used_at FROM api_tokens"
                          + " WHERE secret_hash = :hash AND revoked_at IS NULL")
                  .bind("hash", SecretTokens.hash(secret))
                  .map(
                      (rs, ctx) ->
                          new Row(
                              rs.getString("id"),
                              rs.getString("user_id"),
                              rs.getString("team_id"),
                              scopes(rs.getArray("scopes")),
                              Optional.ofNullable(rs.getTimestamp("last_used_at"))
                                  .map(Timestamp::toInstant)
                                  .orElse(Instant.EPOCH)))
                  .findOne();
          if (row.isEmpty()) {
            return Optional.<Caller.Member>empty();
          }
          Optional<User> user = Accounts.findUser(h, row.get().userId());
          Optional<Membership> team =
              Accounts.membership(h, row.get().userId())
                  .filter(m -> m.teamId().equals(row.get().teamId()));
          if (user.isEmpty() || team.isEmpty()) {
            // Its owner left the team it was made in: it acts for no one.
            return Optional.<Caller.Member>empty();
          }
          if (row.get().lastUsed().isBefore(now.minus(TOUCH_EVERY))) {
            h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                .bind("now", Timestamp.from(now))
                .bind("id", row.get().id())
                .execute();
          }
          return Optional.of(
              new Caller.Member(
                  new SignedIn(user.get(), team.get(), row.get().id()),
                  Caller.Via.API_TOKEN,
                  row.get().scopes()));
        });
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getString("id"),
        rs.getString("name"),
        scopes(rs.getArray("scopes")),
        rs.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant));
  }

  private static Set<ApiScope> scopes(Array array) throws SQLException {
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (Object name : (Object[]) array.getArray()) {
      ApiScope.fromWireName((String) name).ifPresent(scopes::add);
    }
    return scopes;
  }

  private static String[] wireNames(Set<ApiScope> scopes) {
    return EnumSet.copyOf(scopes).stream().map(ApiScope::wireName).toArray(String[]::new);
  }
}
