/**
 * A room's chat: its two channels, what a message may hold, how fast a participant may write, and
 * the history a room keeps of it.
 */
package io.coderoom.server.chat;
