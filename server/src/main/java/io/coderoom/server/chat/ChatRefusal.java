package io.coderoom.server.chat;

import java.util.OptionalLong;

/**
 * Why a chat message was not taken: the {@code error} its sender gets. Codes start with {@code
 * chat_} so the page shows them in the chat, where the message was typed.
 *
 * @param code {@code chat_empty}, {@code chat_too_long}, {@code chat_rate_limited}, {@code
 *     chat_forbidden} or {@code chat_bad_channel}
 * @param message what happened and what to do, in one sentence
 * @param retryAfterMs for {@code chat_rate_limited}, when the next message will be taken
 */
public record ChatRefusal(String code, String message, OptionalLong retryAfterMs) {
  static ChatRefusal of(String code, String message) {
    return new ChatRefusal(code, message, OptionalLong.empty());
  }
}
