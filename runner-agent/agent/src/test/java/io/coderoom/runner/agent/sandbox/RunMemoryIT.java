package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.coderoom.runner.agent.Programs;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run's reported memory is its program's: TypeScript's type checker (about 100 MB, in the same
 * container, before the program runs) is not counted. The TypeScript and the JavaScript hello world
 * run the same node program once compiled, so they must report about the same.
 */
@Timeout(300)
class RunMemoryIT {
  private static final long MB = 1024 * 1024;

  private static DockerClient docker;
  private static DockerSandbox sandbox;

  @BeforeAll
  static void start() {
    docker = DockerClients.create("unix:///var/run/docker.sock");
    sandbox =
        new DockerSandbox(
            docker,
            SandboxSettings.defaults(WorkFolder.defaultPath(), 1, SandboxUser.defaultUser()),
            "memory-" + UUID.randomUUID(),
            "test");
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
    docker.close();
  }

  private static OneRun hello(String id) {
    Language language = Languages.builtIn().find(id).orElseThrow();
    OneRun result =
        OneRun.of(
            sandbox,
            language.image(),
            new Program(
                Map.of(language.fileName(), Programs.hello(id), ".stdin", "memory\n"),
                language.compile(),
                language.run() + " < /code/.stdin"),
            10_000,
            256);
    assertThat(result.run().succeeded())
        .as("%s: %s %s", id, result.compileOutput(), result.run().stderr())
        .isTrue();
    assertThat(result.run().stdout()).isEqualTo("hello world\nstdin: memory\n");
    return result;
  }

  @Test
  void typeScriptRunsReportTheProgramsMemoryNotTheTypeCheckers() {
    OneRun javascript = hello("javascript");
    // Cold: compiled in the run's own container just before the program.
    OneRun cold = hello("typescript");
    // Warm: the container's type checker loaded before the run and answered the compile.
    String image = Languages.builtIn().find("typescript").orElseThrow().image();
    sandbox.warmUp(List.of(image));
    await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.warmReady(image) > 0);
    OneRun warm = hello("typescript");
    assertThat(warm.warm()).isTrue();

    long js = javascript.run().memoryBytes();
    assertThat(js).as("JavaScript hello world").isBetween(4 * MB, 96 * MB);
    for (OneRun typescript : List.of(cold, warm)) {
      assertThat(typescript.run().memoryBytes())
          .as(
              "TypeScript (%s) %d MB against JavaScript %d MB",
              typescript.warm() ? "warm" : "cold", typescript.run().memoryBytes() / MB, js / MB)
          .isLessThan(js + js / 2 + 8 * MB);
    }
  }
}
