package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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
}
