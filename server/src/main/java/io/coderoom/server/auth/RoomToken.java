package io.coderoom.server.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What a room link grants: one role in one room until it expires, revocable by its id.
 *
 * @param tokenId unique id (the JWT {@code jti}); revocation and the audit log name it
 * @param roomId the room it opens
 * @param role the role it grants
 * @param name the participant's display name, or empty when they choose it on joining
 * @param issuedAt when it was signed
 * @param expiresAt when it stops working
 */
public record RoomToken(
    String tokenId, String roomId, Role role, String name, Instant issuedAt, Instant expiresAt) {

  public RoomToken {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
