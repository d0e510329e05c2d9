package io.coderoom.server.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The web client's protocol.ts is what {@link ProtocolTypeScript} writes from the server's records:
 * a change to a command, an event, a close code or a role's permissions that was not carried over
 * to the client fails here. With {@code -Dprotocol.write=true} it rewrites the file.
 */
class ProtocolTypeScriptTest {
  private static final Path FILE = Path.of("..", "web-client", "src", "room", "protocol.ts");

  @Test
  void theClientsProtocolIsGeneratedFromTheServersRecords() throws Exception {
    String generated = ProtocolTypeScript.generate();
    if (Boolean.getBoolean("protocol.write")) {
      Files.writeString(FILE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(FILE))
        .as("%s is missing; write it with: %s", FILE, ProtocolTypeScript.REGENERATE)
        .isTrue();
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as(
            "%s is stale: the server's protocol changed. Regenerate it with: %s",
            FILE, ProtocolTypeScript.REGENERATE)
        .isEqualTo(generated);
  }
}
