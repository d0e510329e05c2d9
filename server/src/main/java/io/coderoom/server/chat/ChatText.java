package io.coderoom.server.chat;

/**
 * What a chat message may hold: plain text of at most {@link #MAX_LENGTH} characters (code points),
 * not blank. Line breaks and tabs stay; other control characters, the bidirectional and other
 * format characters that could reorder or hide text on other screens (the joiners of emoji
 * sequences excepted), and unpaired surrogates are dropped; the ends are trimmed. A message too
 * long is refused rather than cut, so nobody reads half a sentence as if it were all.
 */
public final class ChatText {
  /** The longest message, in code points (the page counts the same way). */
  public static final int MAX_LENGTH = 2000;

  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private ChatText() {}

  /** The message as it is stored and shown, or why it is refused. */
  public static Checked check(String typed) {
    String text = clean(typed);
    if (text.isEmpty()) {
      return new Refused(ChatRefusal.of("chat_empty", "Type a message first."));
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_LENGTH) {
      return new Refused(
          ChatRefusal.of(
              "chat_too_long",
              "A message has at most "
                  + MAX_LENGTH
                  + " characters; this one has "
                  + length
                  + ". Split it in two."));
    }
    return new Accepted(text);
  }

  /** A typed message, checked. */
  public sealed interface Checked permits Accepted, Refused {}

  /** The text to store and show. */
  public record Accepted(String text) implements Checked {}

  public record Refused(ChatRefusal refusal) implements Checked {}

  static String clean(String typed) {
    StringBuilder kept = new StringBuilder(typed.length());
    String unified = typed.replace("\r\n", "\n").replace('\r', '\n');
    unified
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\t' || shown(cp)) {
                kept.appendCodePoint(cp);
              }
            });
    return kept.toString().strip();
  }

  private static boolean shown(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.SURROGATE -> false;
      case Character.FORMAT -> codePoint == ZERO_WIDTH_JOINER || codePoint == ZERO_WIDTH_NON_JOINER;
      default -> true;
    };
  }
}
