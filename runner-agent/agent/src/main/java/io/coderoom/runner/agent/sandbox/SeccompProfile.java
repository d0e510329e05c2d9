package io.coderoom.runner.agent.sandbox;

import io.coderoom.runner.agent.AgentSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runner's seccomp profile, {@code deploy/seccomp/coderoom-runner.json} (copied onto the
 * agent's classpath by the build), or the file named by {@code CODEROOM_RUNNER_SECCOMP}.
 */
public final class SeccompProfile {
  private SeccompProfile() {}

  public static String load() {
    Optional<String> override = AgentSettings.RUNNER_SECCOMP.value(System.getenv());
    try {
      if (override.isPresent()) {
        return Files.readString(Path.of(override.get()));
      }
      try (InputStream in = SeccompProfile.class.getResourceAsStream("coderoom-runner.json")) {
        if (in == null) {
          throw new IllegalStateException("coderoom-runner.json is missing from the agent");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
