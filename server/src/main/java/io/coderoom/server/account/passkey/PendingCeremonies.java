package io.coderoom.server.account.passkey;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Passkey ceremonies under way: each challenge is random, answered at most once (taking it deletes
 * it), within {@link PasskeyOptions#TIMEOUT}. Their number is capped, so a flood of requests for
 * options cannot fill the database; past the cap new ceremonies wait until old ones expire. Every
 * call blocks.
 */
public final class PendingCeremonies {
  /** How many ceremonies may be under way at once, across every server instance. */
  public static final int MAX_PENDING = 10_000;

  private static final int CHALLENGE_BYTES = 32;
  private static final int ID_BYTES = 18;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** What a ceremony does. */
  public enum Kind {
    REGISTRATION("registration"),
    AUTHENTICATION("authentication");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }
  }

  /**
   * A ceremony's stored state. Registration ceremonies carry the user handle offered to the
   * authenticator, and either the existing user who adds a passkey or the SHA-256 of the one-time
   * link that will be claimed (with the new person's name).
   */
  public record Pending(
      String id,
      Kind kind,
      byte[] challenge,
      Optional<byte[]> userHandle,
      Optional<String> userId,
      Optional<byte[]> linkHash,
      Optional<String> name) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final int maxPending;

  public PendingCeremonies(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, MAX_PENDING);
  }

  PendingCeremonies(Jdbi jdbi, Clock clock, int maxPending) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.maxPending = maxPending;
  }

  /** A new random challenge. */
  public static byte[] newChallenge() {
    byte[] challenge = new byte[CHALLENGE_BYTES];
    RANDOM.nextBytes(challenge);
    return challenge;
  }

  /**
   * Stores a new ceremony with this challenge and returns its id; empty when {@link #MAX_PENDING}
   * ceremonies are already under way.
   */
  public Optional<String> begin(
      Kind kind,
      byte[] challenge,
      Optional<byte[]> userHandle,
      Optional<String> userId,
      Optional<byte[]> linkHash,
      Optional<String> name) {
    byte[] idBytes = new byte[ID_BYTES];
    RANDOM.nextBytes(idBytes);
    String id = BASE64URL.encodeToString(idBytes);
    Instant now = clock.instant();
    return jdbi.inTransaction(
        handle -> {
          handle
              .createUpdate("DELETE FROM passkey_ceremonies WHERE expires_at <= :now")
              .bind("now", Timestamp.from(now))
              .execute();
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO passkey_ceremonies"
                          + " (id, kind, challenge, user_handle, user_id, link_hash, name,"
                          + " expires_at)"
                          + " SELECT :id, :kind, :challenge, :userHandle, :userId, :linkHash,"
                          + " :name, :expiresAt"
                          + " WHERE (SELECT count(*) FROM passkey_ceremonies) < :max")
                  .bind("id", id)
                  .bind("kind", kind.wireName)
                  .bind("challenge", challenge)
                  .bind("userHandle", userHandle.orElse(null))
                  .bind("userId", userId.orElse(null))
                  .bind("linkHash", linkHash.orElse(null))
                  .bind("name", name.orElse(null))
                  .bind("expiresAt", Timestamp.from(now.plus(PasskeyOptions.TIMEOUT)))
                  .bind("max", maxPending)
                  .execute();
          return inserted == 1 ? Optional.of(id) : Optional.empty();
        });
  }

  /** Takes the ceremony (it cannot be answered again); empty when unknown, used or expired. */
  public Optional<Pending> take(String id, Kind kind) {
    Instant now = clock.instant();
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "DELETE FROM passkey_ceremonies WHERE id = :id AND kind = :kind"
                        + " RETURNING id, challenge, user_handle, user_id, link_hash, name,"
                        + " expires_at")
                .bind("id", id)
                .bind("kind", kind.wireName)
                .map((rs, ctx) -> expiresAt(rs).isAfter(now) ? pending(rs, kind) : null)
                .findOne());
  }

  private static Instant expiresAt(ResultSet rs) throws SQLException {
    return rs.getTimestamp("expires_at").toInstant();
  }

  private static Pending pending(ResultSet rs, Kind kind) throws SQLException {
    return new Pending(
        rs.getString("id"),
        kind,
        rs.getBytes("challenge"),
        Optional.ofNullable(rs.getBytes("user_handle")),
        Optional.ofNullable(rs.getString("user_id")),
        Optional.ofNullable(rs.getBytes("link_hash")),
        Optional.ofNullable(rs.getString("name")));
  }
}
