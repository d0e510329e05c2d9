package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.protocol.Languages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Another local user against the runner's files: a work folder they made, could enter or swap is
 * refused at start, and the files of a run in progress are not theirs to read. Runs as root (the
 * agent's user under {@code ./coderoom up}); the other user is uid {@value #ATTACKER}, acting
 * through {@code setpriv}.
 */
@Timeout(180)
class PrivateRunFilesIT {
  private static final int ATTACKER = 12345;
  private static final int SANDBOX_UID = 65531;

  /** Mode 1777, like /tmp: anyone may add entries, only an entry's owner may rename it. */
  private static final int WORLD_WRITABLE_STICKY = 01777;

  private Path base;

  @BeforeEach
  void makeBase() throws IOException {
    // /tmp: world-writable and sticky, where another user can make things first.
    base = Files.createTempDirectory(Path.of("/tmp"), "coderoom-it-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void removeBase() throws IOException {
    try (Stream<Path> paths = Files.walk(base)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static AgentConfig config(Path workDir) {
    return AgentConfig.of(
            System.getenv().getOrDefault("CODEROOM_REDIS_URL", "redis://127.0.0.1:6379"),
            "private-" + UUID.randomUUID(),
            "test-host",
            1)
        .withWarmPerLanguage(0)
        .withWorkDir(workDir);
  }

  /** Runs a command as the other user; returns its exit status and output. */
  private static Result asAttacker(String... command) throws Exception {
    List<String> line = new ArrayList<>();
    line.addAll(List.of("setpriv", "--reuid=" + ATTACKER, "--regid=" + ATTACKER, "--clear-groups"));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  private record Result(int status, String output) {}

  @Test
  void aWorkFolderAnotherUserMadeFirstIsRefused() throws Exception {
    Path open = Files.createDirectory(base.resolve("open"));
    Files.setAttribute(open, "unix:mode", WORLD_WRITABLE_STICKY);
    Path folder = open.resolve("runs");
    assertThat(asAttacker("mkdir", "-m", "700", folder.toString()).status()).isZero();

    assertThatThrownBy(() -> RunnerAgent.start(config(folder)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(folder.toString())
        .hasMessageContaining("belongs to uid " + ATTACKER);
  }

  @Test
  void aWorkFolderOtherUsersCanEnterIsRefused() throws Exception {
    Path folder = Files.createDirectory(base.resolve("runs"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> RunnerAgent.start(config(folder)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has mode 0755 but must be 0700");
  }

  @Test
  void aLinkPlantedWhereTheWorkFolderGoesIsRefused() throws Exception {
    Path open = Files.createDirectory(base.resolve("open"));
    Files.setAttribute(open, "unix:mode", WORLD_WRITABLE_STICKY);
    Path theirs = open.resolve("theirs");
    assertThat(asAttacker("mkdir", "-m", "777", theirs.toString()).status()).isZero();
    Path folder = open.resolve("runs");
    assertThat(asAttacker("ln", "-s", theirs.toString(), folder.toString()).status()).isZero();

    assertThatThrownBy(() -> RunnerAgent.start(config(folder)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is a symbolic link");
    try (Stream<Path> files = Files.list(theirs)) {
      assertThat(files).as("nothing written through the link").isEmpty();
    }
  }

  @Test
  void aWorkFolderInsideAFolderAnotherUserControlsIsRefused() throws Exception {
    Path open = Files.createDirectory(base.resolve("open"));
    Files.setAttribute(open, "unix:mode", WORLD_WRITABLE_STICKY);
    Path theirs = open.resolve("theirs");
    assertThat(asAttacker("mkdir", "-m", "755", theirs.toString()).status()).isZero();
    // The agent could make runs/ in it, but its owner could swap it for a link afterwards.
    Path folder = theirs.resolve("runs");
    Files.createDirectory(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));

    assertThatThrownBy(() -> RunnerAgent.start(config(folder)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is inside " + theirs + ", which belongs to uid " + ATTACKER);
  }

  @Test
  void aSandboxUidThatAHostAccountHasIsRefused() throws Exception {
    // The first account of this host's user database other than root.
    int taken =
        Files.readAllLines(Path.of("/etc/passwd")).stream()
            .map(line -> line.split(":"))
            .filter(fields -> fields.length > 2 && !fields[2].equals("0"))
            .map(fields -> Integer.parseInt(fields[2]))
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() -> RunnerAgent.start(config(base.resolve("runs")).withSandboxUid(taken)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sandbox uid " + taken + " is the uid of host user");
  }

  @Test
  void aMissingWorkFolderIsMadePrivate() throws Exception {
    Path folder = base.resolve("state").resolve("runs");
    try (DockerClient docker = DockerClients.create("unix:///var/run/docker.sock");
        DockerSandbox sandbox =
            new DockerSandbox(
                docker,
                SandboxSettings.defaults(folder, 0, new SandboxUser(SANDBOX_UID)),
                "private-" + UUID.randomUUID(),
                "test")) {
      assertThat(sandbox.settings().workDir()).isEqualTo(folder);
      assertThat(mode(folder)).isEqualTo("rwx------");
      assertThat(Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS))
          .isEqualTo(WorkFolder.agentUid());
    }
  }

  @Test
  void anotherUserCannotReadARunInProgressAndTheProgramRunsAsTheSandboxUid() throws Exception {
    Path folder = base.resolve("runs");
    String image = Languages.builtIn().find("python").orElseThrow().image();
    String program =
        """
        import os, subprocess, sys, time
        print("uid", os.getuid(), "gid", os.getgid())
        print("id -u", subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip())
        print("reads own code", len(open("/code/main.py").read()) > 0)
        sys.stdout.flush()
        time.sleep(4)
        """;
    try (DockerClient docker = DockerClients.create("unix:///var/run/docker.sock");
        DockerSandbox sandbox =
            new DockerSandbox(
                docker,
                SandboxSettings.defaults(folder, 0, new SandboxUser(SANDBOX_UID)),
                "private-" + UUID.randomUUID(),
                "test")) {
      CompletableFuture<StepResult> run =
          CompletableFuture.supplyAsync(
              () ->
                  OneRun.of(
                          sandbox,
                          image,
                          new Program(
                              Map.of(
                                  "main.py", program, ".stdin", "the candidate's secret input\n"),
                              "",
                              "exec python3 -u /code/main.py < /code/.stdin"),
                          10_000,
                          256)
                      .run());
      Path runDir =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> runDirectoryWith(folder, ".stdin"), Optional::isPresent)
              .orElseThrow();
      Path stdin = runDir.resolve(".stdin");

      // Owners and modes: the folder is the agent's (0700); the run's directory and files the
      // sandbox user's, read-only (0500 / 0400).
      assertThat(mode(folder)).isEqualTo("rwx------");
      assertThat(Files.getAttribute(runDir, "unix:uid", LinkOption.NOFOLLOW_LINKS))
          .isEqualTo(SANDBOX_UID);
      assertThat(mode(runDir)).isEqualTo("r-x------");
      for (String name : List.of("main.py", ".stdin")) {
        Path file = runDir.resolve(name);
        assertThat(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS))
            .isEqualTo(SANDBOX_UID);
        assertThat(Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS))
            .isEqualTo(SANDBOX_UID);
        assertThat(mode(file)).as(name).isEqualTo("r--------");
      }

      // The other user tries.
      Result list = asAttacker("ls", folder.toString());
      assertThat(list.status()).as(list.output()).isNotZero();
      assertThat(list.output()).contains("Permission denied");
      Result read = asAttacker("cat", stdin.toString());
      assertThat(read.status()).as(read.output()).isNotZero();
      assertThat(read.output()).doesNotContain("secret");

      StepResult result = run.get();
      assertThat(result.succeeded()).as(result.stderr()).isTrue();
      assertThat(result.stdout())
          .contains("uid " + SANDBOX_UID + " gid " + SANDBOX_UID)
          .contains("id -u " + SANDBOX_UID)
          .contains("reads own code True");
    }
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left).as("the run's directory goes with its container").isEmpty();
    }
  }

  private static Optional<Path> runDirectoryWith(Path folder, String file) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(folder)) {
      return dirs.filter(d -> Files.exists(d.resolve(file))).findFirst();
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }
}
