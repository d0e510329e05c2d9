package io.coderoom.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackTargetTest {
  @Test
  void acceptsLoopbackAddresses() {
    for (String url :
        new String[] {
          "http://127.0.0.1:8080/", "http://127.3.2.1/", "http://localhost/", "http://[::1]:80/"
        }) {
      assertThat(LoopbackTarget.require(URI.create(url))).isEqualTo(URI.create(url));
    }
  }

  @Test
  void refusesEverythingElse() {
    assertThatThrownBy(() -> LoopbackTarget.require(URI.create("http://10.0.0.1/")))
        .hasMessageContaining("only target loopback");
    assertThatThrownBy(() -> LoopbackTarget.require(URI.create("http://192.168.1.1:8080/")))
        .hasMessageContaining("only target loopback");
    assertThatThrownBy(() -> LoopbackTarget.require(URI.create("file:///etc/passwd")))
        .hasMessageContaining("needs a host");
  }
}
