package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import java.util.Optional;

/**
 * The name others see for a participant: the link's own name, else the name its first socket asked
 * for with {@code ?name=}, else the role. A requested name is cleaned first: control and format
 * characters (which could reorder or hide text on other screens) and unpaired surrogates are
 * dropped, whitespace becomes plain spaces, and the rest is trimmed and cut to {@link #MAX_LENGTH}
 * code points.
 */
final class DisplayName {
  /** The longest name shown, in code points. */
  static final int MAX_LENGTH = 80;

  private DisplayName() {}

  static String of(Principal principal, Optional<String> requested) {
    return principal
        .token()
        .map(token -> clean(token.name()))
        .filter(name -> !name.isEmpty())
        .or(() -> requested.map(DisplayName::clean).filter(name -> !name.isEmpty()))
        .orElseGet(() -> roleName(principal));
  }

  /** The text without control, format and lone surrogate characters, trimmed and capped. */
  static String clean(String text) {
    StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_LENGTH * 2));
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                kept.append(' ');
              } else if (shown(cp)) {
                kept.appendCodePoint(cp);
              }
            });
    String trimmed = kept.toString().strip();
    return trimmed.codePointCount(0, trimmed.length()) <= MAX_LENGTH
        ? trimmed
        : trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_LENGTH)).strip();
  }

  private static boolean shown(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE -> false;
      default -> true;
    };
  }

  private static String roleName(Principal principal) {
    String role = principal.role().wireName();
    return Character.toUpperCase(role.charAt(0)) + role.substring(1);
  }
}
