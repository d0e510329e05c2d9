package io.coderoom.runner.agent.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputCheckerTest {

  @Test
  void exactForgivesTrailingWhitespaceOfLinesAndOfTheEnd() {
    assertThat(OutputChecker.EXACT.diff("1\n3\n6", "1  \r\n3\t\n6\n\n  \n")).isEmpty();
    assertThat(OutputChecker.EXACT.diff("", "\n\n")).isEmpty();
  }

  @Test
  void exactKeepsLeadingSpacesLineBreaksAndEmptyLinesInside() {
    assertThat(OutputChecker.EXACT.diff("1\n3", " 1\n3"))
        .contains("line 1: expected \"1\", got \" 1\"");
    assertThat(OutputChecker.EXACT.diff("1 3", "1\n3"))
        .contains("line 1: expected \"1 3\", got \"1\"");
    assertThat(OutputChecker.EXACT.diff("1\n\n3", "1\n3"))
        .contains("line 2: expected \"\", got \"3\"");
  }

  @Test
  void exactSaysWhenLinesAreMissingOrExtra() {
    assertThat(OutputChecker.EXACT.diff("1\n2", "1")).contains("expected 2 lines, got 1");
    assertThat(OutputChecker.EXACT.diff("1", "1\n2")).contains("expected 1 line, got 2");
  }

  @Test
  void tokensCompareWordsWhateverTheLayout() {
    assertThat(OutputChecker.TOKENS.diff("  1 3   6 ", "1\n3\n6\n")).isEmpty();
    assertThat(OutputChecker.TOKENS.diff("", " \n ")).isEmpty();
    assertThat(OutputChecker.TOKENS.diff("1 3 7", "1\n3\n6\n"))
        .contains("token 3: expected \"7\", got \"6\"");
    assertThat(OutputChecker.TOKENS.diff("1 3", "1 3 6")).contains("expected 2 tokens, got 3");
    // Tokens are compared as text: 1.0 is not 1.
    assertThat(OutputChecker.TOKENS.diff("1", "1.0")).isPresent();
  }

  @Test
  void aLongLineIsQuotedCut() {
    String expected = "a".repeat(5_000);
    assertThat(OutputChecker.EXACT.diff(expected, "b").orElseThrow()).hasSizeLessThan(500);
  }

  @Test
  void theSuiteNamesTheChecker() {
    assertThat(OutputChecker.of("exact")).isEqualTo(OutputChecker.EXACT);
    assertThat(OutputChecker.of("tokens")).isEqualTo(OutputChecker.TOKENS);
    assertThatThrownBy(() -> OutputChecker.of("fuzzy"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCrashShowsTheEndOfItsStderr() {
    assertThat(StdioRun.tail("short\n")).isEqualTo("short");
    String tail = StdioRun.tail("x".repeat(3_000) + "\nTraceback line\nValueError: bad\n");
    assertThat(tail).startsWith("...").endsWith("ValueError: bad").hasSizeLessThan(1_100);
  }
}
