package io.coderoom.server.sync.protocol;

import io.coderoom.server.auth.Role;
import io.coderoom.server.chat.ChatChannel;

/**
 * A chat message as clients see it.
 *
 * @param id orders a room's messages (the stored event's id)
 * @param by the author's participant id, empty once they are no longer in the room
 * @param name the author's name when they wrote it
 * @param role the author's role then
 * @param at when the server took it (ISO-8601)
 */
public record ChatEntry(
    long id, ChatChannel channel, String text, String by, String name, Role role, String at) {}
