package io.coderoom.server.sync.protocol;

/**
 * A hint revealed to the room.
 *
 * @param index its place in the problem's hints (0-based)
 * @param at when it was revealed (ISO-8601)
 * @param name who revealed it
 */
public record RevealedHint(int index, String text, String at, String name) {}
