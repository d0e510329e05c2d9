package io.coderoom.server.account;

import java.time.Instant;
import java.util.Optional;

/**
 * An invitation to a team that has been neither used nor revoked and has not expired.
 *
 * @param id the link's id (not its secret, which only the invitee holds)
 * @param role the role it grants
 * @param email who it was meant for, if the inviter said
 * @param createdBy who issued it, as the audit log names them
 * @param createdAt when
 * @param expiresAt when it stops working
 */
public record Invitation(
    String id,
    TeamRole role,
    Optional<String> email,
    String createdBy,
    Instant createdAt,
    Instant expiresAt) {}
