package io.coderoom.server.account;

import io.coderoom.server.store.StoredText;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log's entries outside any room: sign-ins and failed sign-ins, tokens issued and
 * revoked, invitations, removals and deletions. Never given a secret: details name ids only.
 */
public final class AccountAudit {
  private AccountAudit() {}

  /**
   * Records an action in a transaction of its own.
   *
   * @param teamId the team it concerns, when known (a failed sign-in may have none)
   * @param actor who: {@code user:ID}, {@code api-key}, or {@code anonymous}
   */
  public static void record(
      Jdbi jdbi, Optional<String> teamId, String actor, String action, Map<String, ?> detail) {
    jdbi.useHandle(h -> record(h, teamId, actor, action, detail));
  }

  /** Records an action in the caller's transaction. */
  public static void record(
      Handle h, Optional<String> teamId, String actor, String action, Map<String, ?> detail) {
    h.createUpdate(
            "INSERT INTO audit_log (team_id, actor, action, detail)"
                + " VALUES (:teamId, :actor, :action, CAST(:detail AS jsonb))")
        .bind("teamId", teamId.orElse(null))
        .bind("actor", actor)
        .bind("action", action)
        .bind("detail", StoredText.json(detail))
        .execute();
  }

  /** How the audit log names a user. */
  public static String actor(User user) {
    return "user:" + user.id();
  }
}
