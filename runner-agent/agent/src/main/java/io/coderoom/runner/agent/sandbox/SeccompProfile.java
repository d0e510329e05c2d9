package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runner's seccomp profile, {@code deploy/seccomp/coderoom-runner.json} (copied onto the
 * agent's classpath by the build), or the file named by {@code CODEROOM_RUNNER_SECCOMP}.
 */
public final class SeccompProfile {
  private SeccompProfile() {}

  public static String load() {
    String override = System.getenv("CODEROOM_RUNNER_SECCOMP");
    try {
      if (override != null && !override.isBlank()) {
        return Files.readString(Path.of(override));
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
