package io.coderoom.server.store;

import io.coderoom.server.auth.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of {@code room_tokens}: an issued link, without the signed token itself.
 *
 * @param id the token id (JWT {@code jti})
 * @param roomId its room
 * @param role the role it grants
 * @param name the display name it carries, or empty
 * @param issuedAt when it was issued
 * @param expiresAt when it expires
 * @param revokedAt when it was revoked, if it was
 */
public record TokenRecord(
    String id,
    String roomId,
    Role role,
    String name,
    Instant issuedAt,
    Instant expiresAt,
    Optional<Instant> revokedAt) {}
