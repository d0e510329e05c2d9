package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxUserTest {
  @TempDir Path dir;

  @Test
  void aUidOrGidThatAHostAccountHasIsRefused() throws IOException {
    Path users =
        Files.writeString(
            dir.resolve("passwd"),
            "root:x:0:0::/root:/bin/sh\nann:x:1000:1000::/home/ann:/bin/sh\n");
    Path groups = Files.writeString(dir.resolve("group"), "root:x:0:\nstaff:x:50:\nann:x:1000:\n");

    assertThatThrownBy(() -> new SandboxUser(1000).requireNoHostAccount(users, groups))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uid 1000 is the uid of host user 'ann'")
        .hasMessageContaining("CODEROOM_SANDBOX_UID");
    assertThatThrownBy(() -> new SandboxUser(50).requireNoHostAccount(users, groups))
        .hasMessageContaining("gid 50 is the gid of host group 'staff'");
    new SandboxUser(SandboxUser.DEFAULT_UID).requireNoHostAccount(users, groups);
  }

  @Test
  void rootIsNoSandboxUser() {
    assertThatThrownBy(() -> new SandboxUser(0)).hasMessageContaining("not root");
  }

  @Test
  void theDefaultIsNoAccountOfThisHost() {
    new SandboxUser(SandboxUser.DEFAULT_UID).requireNoHostAccount();
    assertThat(SandboxUser.defaultUser().docker()).isEqualTo("65530:65530");
  }
}
