package io.coderoom.server.sync.protocol;

import io.coderoom.server.chat.ChatChannel;
import java.util.List;

/**
 * The chat as a participant finds it on joining.
 *
 * @param read the channels they read
 * @param write the channels they may write in
 * @param messages the latest messages of the channels they read, oldest first
 */
public record ChatWelcome(
    List<ChatChannel> read, List<ChatChannel> write, List<ChatEntry> messages) {}
