package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import java.time.Instant;

/**
 * Someone in a room: one control socket (a browser tab).
 *
 * @param id random id the room's events and the kick command use
 * @param principal who they are (role, and the link they came with)
 * @param name the name shown to the others
 * @param joinedAt when their control socket opened
 */
record Participant(String id, Principal principal, String name, Instant joinedAt) {}
