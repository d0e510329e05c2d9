package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run files: never written or deleted through a symbolic link, readable only by the sandbox. */
class WorkspaceTest {
  private static final SandboxUser SANDBOX = new SandboxUser(65531);

  @TempDir Path folder;
  @TempDir Path elsewhere;

  @Test
  void aLinkPlantedWhereARunFileGoesIsReplacedNotFollowed() throws IOException {
    Path victim = elsewhere.resolve("victim");
    Files.writeString(victim, "precious");
    try (Workspace workspace = Workspace.create(folder, SANDBOX)) {
      Files.createSymbolicLink(workspace.dir().resolve("main.py"), victim);
      workspace.write(Map.of("main.py", "print('candidate')\n"));

      assertThat(Files.readString(victim)).isEqualTo("precious");
      Path written = workspace.dir().resolve("main.py");
      assertThat(Files.isSymbolicLink(written)).isFalse();
      assertThat(Files.readString(written)).isEqualTo("print('candidate')\n");
    }
  }

  @Test
  void runFilesAreTheSandboxUsersAloneOrStayInsideThePrivateFolder() throws IOException {
    try (Workspace workspace = Workspace.create(folder, SANDBOX)) {
      workspace.write(Map.of("main.py", "print(1)\n", ".stdin", "secret input\n"));
      Path dir = workspace.dir();
      Path file = dir.resolve(".stdin");
      if (WorkFolder.agentUid() == 0) {
        assertThat(owner(dir)).isEqualTo(SANDBOX.uid());
        assertThat(group(dir)).isEqualTo(SANDBOX.gid());
        assertThat(mode(dir)).isEqualTo("r-x------");
        assertThat(owner(file)).isEqualTo(SANDBOX.uid());
        assertThat(group(file)).isEqualTo(SANDBOX.gid());
        assertThat(mode(file)).isEqualTo("r--------");
      } else {
        // Readable through the container's mount only: no other user enters the 0700 folder.
        assertThat(owner(dir)).isEqualTo(WorkFolder.agentUid());
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-r--r--");
      }
      try (var names = Files.list(dir)) {
        assertThat(names.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("main.py", ".stdin");
      }
    }
  }

  @Test
  void deletingARunFolderFollowsNoLink() throws IOException {
    Path outside = Files.createDirectory(elsewhere.resolve("outside"));
    Files.writeString(outside.resolve("keep"), "keep");
    Workspace workspace = Workspace.create(folder, SANDBOX);
    workspace.write(Map.of("main.py", "x\n"));
    Files.createSymbolicLink(workspace.dir().resolve("link-to-dir"), outside);
    Files.createSymbolicLink(workspace.dir().resolve("link-to-file"), outside.resolve("keep"));

    workspace.close();

    assertThat(workspace.dir()).doesNotExist();
    assertThat(outside.resolve("keep")).hasContent("keep");
  }

  @Test
  void onlyPlainFileNamesAreWritten() {
    try (Workspace workspace = Workspace.create(folder, SANDBOX)) {
      for (String name : new String[] {"../escape", "a/b", "..", ".", ""}) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workspace.write(Map.of(name, "x")))
            .as(name)
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(folder.resolve("escape")).doesNotExist();
    }
  }

  private static int owner(Path path) throws IOException {
    return (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private static int group(Path path) throws IOException {
    return (int) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }
}
