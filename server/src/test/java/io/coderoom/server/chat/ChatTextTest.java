package io.coderoom.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatTextTest {
  private static ChatText.Checked check(String typed) {
    return ChatText.check(typed);
  }

  @Test
  void keepsLinesTabsAndEmojiButDropsWhatCouldHideOrReorderText() {
    assertThat(check("  line one\r\n\tline two \u202Egnp.exe\u0007  "))
        .isEqualTo(new ChatText.Accepted("line one\n\tline two gnp.exe"));
    // A family emoji is joined by U+200D: it stays one picture.
    assertThat(check("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"))
        .isEqualTo(new ChatText.Accepted("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"));
    assertThat(check("lone \uD800 surrogate")).isEqualTo(new ChatText.Accepted("lone  surrogate"));
    // Markup is only text: it is stored as typed and the page renders it as text.
    assertThat(check("<b>bold</b> https://example.org"))
        .isEqualTo(new ChatText.Accepted("<b>bold</b> https://example.org"));
  }

  @Test
  void refusesBlankMessages() {
    assertThat(check(" \n\t\u200B\u0000 "))
        .isInstanceOfSatisfying(
            ChatText.Refused.class,
            refused -> assertThat(refused.refusal().code()).isEqualTo("chat_empty"));
  }

  @Test
  void countsCodePointsAndRefusesRatherThanCuts() {
    String emoji = "\uD83D\uDE00"; // two UTF-16 units, one character
    assertThat(check(emoji.repeat(ChatText.MAX_LENGTH)))
        .isEqualTo(new ChatText.Accepted(emoji.repeat(ChatText.MAX_LENGTH)));
    assertThat(check("x".repeat(ChatText.MAX_LENGTH + 1)))
        .isInstanceOfSatisfying(
            ChatText.Refused.class,
            refused -> {
              assertThat(refused.refusal().code()).isEqualTo("chat_too_long");
              assertThat(refused.refusal().message())
                  .isEqualTo(
                      "A message has at most 2000 characters; this one has 2001. Split it in two.");
            });
  }
}
