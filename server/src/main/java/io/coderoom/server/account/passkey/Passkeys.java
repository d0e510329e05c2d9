package io.coderoom.server.account.passkey;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of the {@code passkeys} table. Writes that belong to a larger change (registering while a
 * one-time link is claimed) take the caller's handle. Every call blocks.
 */
public final class Passkeys {
  private static final String COLUMNS =
      "credential_id, user_id, user_handle, credential_data, sign_count, uv_initialized,"
          + " backup_eligible, backed_up, transports";

  private final Jdbi jdbi;

  public Passkeys(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores a verified passkey; false when this credential is already registered. */
  public static boolean insert(
      Handle handle,
      String userId,
      byte[] userHandle,
      NewPasskey passkey,
      String name,
      Instant createdAt) {
    return handle
            .createUpdate(
                "INSERT INTO passkeys (credential_id, user_id, user_handle, credential_data,"
                    + " sign_count, uv_initialized, backup_eligible, backed_up, transports, name,"
                    + " created_at)"
                    + " VALUES (:credentialId, :userId, :userHandle, :credentialData, :signCount,"
                    + " :uvInitialized, :backupEligible, :backedUp, :transports, :name, :createdAt)"
                    + " ON CONFLICT (credential_id) DO NOTHING")
            .bind("credentialId", passkey.credentialId())
            .bind("userId", userId)
            .bind("userHandle", userHandle)
            .bind("credentialData", passkey.credentialData())
            .bind("signCount", passkey.signCount())
            .bind("uvInitialized", passkey.uvInitialized())
            .bind("backupEligible", passkey.backupEligible())
            .bind("backedUp", passkey.backedUp())
            .bindArray("transports", String.class, passkey.transports())
            .bind("name", name)
            .bind("createdAt", Timestamp.from(createdAt))
            .execute()
        == 1;
  }

  public Optional<StoredPasskey> find(byte[] credentialId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = :id")
                .bind("id", credentialId)
                .map((rs, ctx) -> stored(rs))
                .findOne());
  }

  /** The ids of a user's passkeys, so an authenticator that holds one is not asked again. */
  public List<byte[]> credentialIds(String userId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT credential_id FROM passkeys WHERE user_id = :userId ORDER BY created_at")
                .bind("userId", userId)
                .map((rs, ctx) -> rs.getBytes(1))
                .list());
  }

  /**
   * The user handle a user's passkeys carry: a second passkey gets the same one, so an
   * authenticator sees one account, not two.
   */
  public Optional<byte[]> userHandle(String userId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT user_handle FROM passkeys WHERE user_id = :userId"
                        + " ORDER BY created_at LIMIT 1")
                .bind("userId", userId)
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
  }

  /**
   * Records a verified sign-in's counter, only if the stored counter is still the one the sign-in
   * was checked against: of two answers racing with the same counter (a replay, or a clone used at
   * the same moment), one wins and the other is refused.
   */
  public boolean recordSignIn(byte[] credentialId, long checkedCount, long newCount, Instant at) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE passkeys SET sign_count = :newCount, last_used_at = :at"
                            + " WHERE credential_id = :id AND sign_count = :checkedCount")
                    .bind("id", credentialId)
                    .bind("checkedCount", checkedCount)
                    .bind("newCount", newCount)
                    .bind("at", Timestamp.from(at))
                    .execute())
        == 1;
  }

  private static StoredPasskey stored(ResultSet rs) throws SQLException {
    Array transports = rs.getArray("transports");
    return new StoredPasskey(
        rs.getString("user_id"),
        rs.getBytes("user_handle"),
        new NewPasskey(
            rs.getBytes("credential_id"),
            rs.getBytes("credential_data"),
            rs.getLong("sign_count"),
            rs.getBoolean("uv_initialized"),
            rs.getBoolean("backup_eligible"),
            rs.getBoolean("backed_up"),
            transports == null ? List.of() : List.of((String[]) transports.getArray())));
  }
}
