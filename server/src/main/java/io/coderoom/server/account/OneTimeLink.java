package io.coderoom.server.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored one-time link (its secret is not kept).
 *
 * @param id the row id, for the audit log
 * @param purpose what it grants
 * @param userId the user a recovery link is for
 * @param teamId the team an invitation joins
 * @param teamName the name of the team a setup link creates, or of an invitation's team
 * @param role the role an invitation grants
 * @param email the address an invitation was sent to, when given
 * @param expiresAt when it stops working
 */
public record OneTimeLink(
    String id,
    LinkPurpose purpose,
    Optional<String> userId,
    Optional<String> teamId,
    Optional<String> teamName,
    Optional<TeamRole> role,
    Optional<String> email,
    Instant expiresAt) {}
