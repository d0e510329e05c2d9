package io.coderoom.server.account;

import io.coderoom.server.room.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side sessions in PostgreSQL. A session ends at its absolute expiry, after {@code idle}
 * without a request, at sign-out, or when its user signs out everywhere; ending one deletes its
 * row, so a stolen cookie dies with it. Blocks on the database: run it off the event loops.
 */
public final class Sessions {
  /** A session's last use is written at most this often, not on every request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final int MAX_USER_AGENT = 200;

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration idle;
  private final Duration absolute;

  public Sessions(Jdbi jdbi, Clock clock, Duration idle, Duration absolute) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.idle = idle;
    this.absolute = absolute;
  }

  /**
   * A session as started: the only time its secret exists outside the cookie.
   *
   * @param id the row id
   * @param secret the cookie's value
   * @param expiresAt its absolute expiry
   */
  public record Started(String id, String secret, Instant expiresAt) {
    /** The cookie's lifetime from now. */
    public Duration maxAge(Clock clock) {
      return Duration.between(clock.instant(), expiresAt);
    }
  }

  public Started start(String userId, String userAgent) {
    return jdbi.inTransaction(h -> start(h, userId, userAgent));
  }

  /** Starts a session in the caller's transaction (the one that attached a credential). */
  public Started start(Handle h, String userId, String userAgent) {
    String id = Ids.random();
    String secret = SecretTokens.generate("");
    Instant now = clock.instant();
    Instant expiresAt = now.plus(absolute);
    h.createUpdate(
            "INSERT INTO sessions (id, secret_hash, user_id, created_at, last_seen_at, expires_at,"
                + " user_agent) VALUES (:id, :hash, :userId, :now, :now, :expiresAt, :userAgent)")
        .bind("id", id)
        .bind("hash", SecretTokens.hash(secret))
        .bind("userId", userId)
        .bind("now", Timestamp.from(now))
        .bind("expiresAt", Timestamp.from(expiresAt))
        .bind("userAgent", truncate(userAgent))
        .execute();
    return new Started(id, secret, expiresAt);
  }

  /** Who the cookie signs in, if its session is alive; notes the use. */
  public Optional<SignedIn> resolve(String secret) {
    Instant now = clock.instant();
    record Row(String id, String userId, Instant lastSeen) {}
    return jdbi.inTransaction(
        h -> {
          Optional<Row> row =
              h.createQuery(
                      "SELECT id, user_id, last_seen_at FROM sessions WHERE secret_hash = :hash"
                          + " AND expires_at > :now AND last_seen_at > :idleSince")
                  .bind("hash", SecretTokens.hash(secret))
                  .bind("now", Timestamp.from(now))
                  .bind("idleSince", Timestamp.from(now.minus(idle)))
                  .map(
                      (rs, ctx) ->
                          new Row(
                              rs.getString("id"),
                              rs.getString("user_id"),
                              rs.getTimestamp("last_seen_at").toInstant()))
                  .findOne();
          if (row.isEmpty()) {
            return Optional.<SignedIn>empty();
          }
          Optional<User> user = Accounts.findUser(h, row.get().userId());
          Optional<Membership> team = Accounts.membership(h, row.get().userId());
          if (user.isEmpty() || team.isEmpty()) {
            // Removed from their team: the session signs no one in any more.
            end(h, row.get().id());
            return Optional.<SignedIn>empty();
          }
          if (row.get().lastSeen().isBefore(now.minus(TOUCH_EVERY))) {
            h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id = :id")
                .bind("now", Timestamp.from(now))
                .bind("id", row.get().id())
                .execute();
          }
          return Optional.of(new SignedIn(user.get(), team.get(), row.get().id()));
        });
  }

  /** Signs out the session with this id. */
  public void end(String sessionId) {
    jdbi.useHandle(h -> end(h, sessionId));
  }

  private static void end(Handle h, String sessionId) {
    h.createUpdate("DELETE FROM sessions WHERE id = :id").bind("id", sessionId).execute();
  }

  /** Signs the user out everywhere; how many sessions ended. */
  public int endAll(String userId) {
    return jdbi.withHandle(h -> endAll(h, userId));
  }

  public static int endAll(Handle h, String userId) {
    return h.createUpdate("DELETE FROM sessions WHERE user_id = :userId")
        .bind("userId", userId)
        .execute();
  }

  /** Forgets sessions past their expiry; how many. */
  public int sweep() {
    Instant now = clock.instant();
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idleSince")
                .bind("now", Timestamp.from(now))
                .bind("idleSince", Timestamp.from(now.minus(idle)))
                .execute());
  }

  private static String truncate(String userAgent) {
    String value = userAgent == null ? "" : userAgent;
    return value.length() > MAX_USER_AGENT ? value.substring(0, MAX_USER_AGENT) : value;
  }
}
