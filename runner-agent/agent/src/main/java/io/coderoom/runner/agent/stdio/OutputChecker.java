package io.coderoom.runner.agent.stdio;

import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares a stdio program's output with the expected text, as the problem's checker says. Both
 * forgive what a reader would not notice: {@link #EXACT} ignores whitespace at the end of each line
 * and at the end of the output (a missing or extra final newline, Windows line ends); {@link
 * #TOKENS} compares only the whitespace-separated words, so the layout is free.
 */
public enum OutputChecker {
  EXACT("line", OutputChecker::lines),
  TOKENS("token", OutputChecker::tokens);

  /** The most characters of a line or token a difference quotes. */
  static final int QUOTED_CHARS = 200;

  /** What the output is compared in: "line" or "token", as the difference names it. */
  private final String unit;

  /** Cuts a text into the units compared one by one. */
  private final Function<String, List<String>> split;

  OutputChecker(String unit, Function<String, List<String>> split) {
    this.unit = unit;
    this.split = split;
  }

  /** The first difference in words ("line 2: expected "5", got "4""), empty when they match. */
  public Optional<String> diff(String expected, String actual) {
    List<String> want = split.apply(expected);
    List<String> got = split.apply(actual);
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      if (!want.get(i).equals(got.get(i))) {
        return Optional.of(
            unit
                + " "
                + (i + 1)
                + ": expected "
                + quoted(want.get(i))
                + ", got "
                + quoted(got.get(i)));
      }
    }
    if (want.size() != got.size()) {
      return Optional.of("expected " + count(want.size(), unit) + ", got " + got.size());
    }
    return Optional.empty();
  }

  /** The checker a suite names ({@code exact} or {@code tokens}). */
  public static OutputChecker of(String name) {
    return switch (name) {
      case TestSuite.CHECKER_EXACT -> EXACT;
      case TestSuite.CHECKER_TOKENS -> TOKENS;
      default -> throw new IllegalArgumentException("unknown checker " + name);
    };
  }

  /** The lines without their trailing whitespace, and no empty lines at the end. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.stripTrailing());
    }
    while (!lines.isEmpty() && lines.getLast().isEmpty()) {
      lines.removeLast();
    }
    return lines;
  }

  static List<String> tokens(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
  }

  private static String quoted(String text) {
    return "\""
        + (text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "...")
        + "\"";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
