package io.coderoom.server.sync.protocol;

import io.coderoom.server.auth.Role;

/**
 * A participant as clients see it.
 *
 * @param color an index into the palette of CONTROL-PROTOCOL.md
 * @param joinedAt when their first socket opened (ISO-8601)
 */
public record WireParticipant(String id, Role role, String name, int color, String joinedAt) {}
