package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
  @Test
  void keepsCharactersSplitAcrossChunksWhole() {
    OutputCapture capture = new OutputCapture(1024);
    byte[] bytes = "añ€😀".getBytes(StandardCharsets.UTF_8);
    StringBuilder streamed = new StringBuilder();
    for (byte b : bytes) {
      streamed.append(capture.append(new byte[] {b}));
    }
    assertThat(streamed.toString()).isEqualTo("añ€😀");
    assertThat(capture.text()).isEqualTo("añ€😀");
    assertThat(capture.truncated()).isFalse();
  }

  @Test
  void stopsAtTheCapAndSaysSo() {
    OutputCapture capture = new OutputCapture(10);
    byte[] chunk = new byte[7];
    Arrays.fill(chunk, (byte) 'x');
    assertThat(capture.append(chunk)).isEqualTo("xxxxxxx");
    assertThat(capture.append(chunk)).isEqualTo("xxx");
    assertThat(capture.truncated()).isTrue();
    assertThat(capture.append(chunk)).isEmpty();
    assertThat(capture.text()).hasSize(10);
  }

  @Test
  void controlCharactersBecomeVisibleAndTabNewlineAndReturnStay() {
    OutputCapture capture = new OutputCapture(1024);
    byte[] bytes = {'a', 0, 'b', 0x1b, '[', '3', '1', 'm', '\t', '\r', '\n', 0x07, 0x7f, 0x1f};
    String text = capture.append(bytes);
    assertThat(text).isEqualTo("a\u2400b\u241b[31m\t\r\n\u2407\u2421\u241f");
    assertSafe(capture.text());
  }

  @Test
  void invalidUtf8BecomesReplacementCharacters() {
    OutputCapture capture = new OutputCapture(1024);
    // A lone continuation byte, an overlong '/', a UTF-16 surrogate encoded in UTF-8, 0xFF, and a
    // C1 control (U+009B, a terminal's CSI) written as valid UTF-8.
    byte[] bytes = {
      'a',
      (byte) 0x80,
      'b',
      (byte) 0xc0,
      (byte) 0xaf,
      'c',
      (byte) 0xed,
      (byte) 0xa0,
      (byte) 0x80,
      'd',
      (byte) 0xff,
      'e',
      (byte) 0xc2,
      (byte) 0x9b,
      'f'
    };
    String text = capture.append(bytes);
    assertThat(text).startsWith("a\uFFFDb").contains("c\uFFFD", "d\uFFFDe\uFFFDf");
    assertThat(text.replace("\uFFFD", "")).isEqualTo("abcdef");
    assertSafe(capture.text());
  }

  @Test
  void anInvalidSequenceSplitAcrossChunksIsOneReplacementAndAValidOneIsKept() {
    OutputCapture capture = new OutputCapture(1024);
    StringBuilder streamed = new StringBuilder();
    // '€' split 2 + 1, then a 3-byte lead with one continuation and then ASCII.
    streamed.append(capture.append(new byte[] {'<', (byte) 0xe2, (byte) 0x82}));
    streamed.append(capture.append(new byte[] {(byte) 0xac, '>', (byte) 0xe2}));
    streamed.append(capture.append(new byte[] {(byte) 0x82}));
    streamed.append(capture.append(new byte[] {'!'}));
    assertThat(streamed.toString()).isEqualTo("<€>\uFFFD!");
    assertThat(capture.text()).isEqualTo("<€>\uFFFD!");
  }

  @Test
  void aCharacterTheProgramNeverFinishedEndsTheTextAsOneReplacement() {
    OutputCapture capture = new OutputCapture(1024);
    assertThat(capture.append(new byte[] {'a', (byte) 0xf0, (byte) 0x9f})).isEqualTo("a");
    assertThat(capture.text()).isEqualTo("a\uFFFD");
  }

  @Test
  void theCapCountsTheBytesOfTheVisibleText() {
    OutputCapture capture = new OutputCapture(10);
    // Each NUL is three bytes once visible: three fit in ten bytes, the fourth does not.
    String text = capture.append(new byte[] {0, 0, 0, 0});
    assertThat(text).isEqualTo("\u2400\u2400\u2400");
    assertThat(capture.truncated()).isTrue();
    assertThat(capture.text().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(10);
  }

  @Test
  void aFloodOfAnyBytesStaysSafeAndWithinTheCap() {
    OutputCapture capture = new OutputCapture(64 * 1024);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    StringBuilder streamed = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 1_000 && !capture.truncated(); i++) {
      byte[] chunk = new byte[1 + random.nextInt(700)];
      random.nextBytes(chunk);
      all.writeBytes(chunk);
      streamed.append(capture.append(chunk));
    }
    assertThat(capture.truncated()).isTrue();
    assertThat(streamed.toString()).isEqualTo(capture.text());
    assertThat(capture.text().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(64 * 1024)
        .isGreaterThan(64 * 1024 - 4);
    assertSafe(capture.text());
  }

  /** No control character but tab, newline and return; no unpaired surrogate. */
  private static void assertSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertThat(Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
          .as("control U+%04X at %d", (int) c, i)
          .isFalse();
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            .as("paired surrogate at %d", i)
            .isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone surrogate at %d", i).isFalse();
      }
    }
    assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(text);
  }
}
