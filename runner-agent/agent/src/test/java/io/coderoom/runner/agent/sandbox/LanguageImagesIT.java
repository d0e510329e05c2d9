package io.coderoom.runner.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The images ship the versions languages.json announces (what GET /api/languages shows). */
class LanguageImagesIT {
  private static DockerClient docker;
  private static DockerSandbox sandbox;

  @BeforeAll
  static void start() {
    docker = DockerClients.create("unix:///var/run/docker.sock");
    sandbox =
        new DockerSandbox(
            docker,
            SandboxSettings.defaults(WorkFolder.defaultPath(), 0, SandboxUser.defaultUser()),
            "images-" + ProcessHandle.current().pid(),
            "test");
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
    docker.close();
  }

  @Test
  void everyImageHasTheAnnouncedVersion() {
    Pattern number = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    for (Language language : Languages.builtIn().all()) {
      Matcher m = number.matcher(language.version());
      assertThat(m.find()).as(language.version()).isTrue();
      StepResult result =
          OneRun.of(
                  sandbox,
                  language.image(),
                  new Program(Map.of(), "", language.versionCommand()),
                  10_000,
                  256)
              .run();
      assertThat(result.succeeded()).as(language.id() + ": " + result.stderr()).isTrue();
      assertThat(result.stdout()).as(language.id()).contains(m.group());
    }
  }
}
