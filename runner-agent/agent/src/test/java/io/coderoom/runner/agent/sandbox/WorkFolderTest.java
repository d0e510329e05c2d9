package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkFolderTest {
  @Test
  void rootKeepsRunsUnderVarLibAndOtherUsersInTheirStateFolder() {
    assertThat(WorkFolder.defaultPath(0, Map.of(), "/root"))
        .isEqualTo(Path.of("/var/lib/coderoom/runs"));
    assertThat(WorkFolder.defaultPath(1001, Map.of(), "/home/ann"))
        .isEqualTo(Path.of("/home/ann/.local/state/coderoom/runs"));
    assertThat(WorkFolder.defaultPath(1001, Map.of("XDG_STATE_HOME", "/srv/state"), "/home/ann"))
        .isEqualTo(Path.of("/srv/state/coderoom/runs"));
    // A relative XDG_STATE_HOME is invalid by its specification and ignored.
    assertThat(WorkFolder.defaultPath(1001, Map.of("XDG_STATE_HOME", "state"), "/home/ann"))
        .isEqualTo(Path.of("/home/ann/.local/state/coderoom/runs"));
  }

  @Test
  void theDefaultIsNeverTheSharedTemporaryFolder() {
    assertThat(WorkFolder.defaultPath().startsWith(Path.of(System.getProperty("java.io.tmpdir"))))
        .isFalse();
  }
}
