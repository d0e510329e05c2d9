package io.coderoom.runner.agent.sandbox;

import io.coderoom.runner.protocol.RunJob;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Limits and places of the sandbox, the same for every run unless a job asks for less.
 *
 * @param workDir host directory holding each run's files; bind-mounted read-only as {@code /code},
 *     so the Docker engine must see the same file system as the agent
 * @param outputLimitBytes cap per output stream; a program writing more is stopped
 * @param compileTimeLimitMs wall-clock limit of compilation
 * @param maxTimeLimitMs the most run time a job may ask for
 * @param maxMemoryMb the most memory a job may ask for
 * @param nanoCpus CPU share of one container (1e9 = one core)
 * @param pidsLimit processes and threads of one container
 * @param tmpSizeMb size of the {@code /tmp} tmpfs (working and build files)
 * @param shmSizeMb size of {@code /dev/shm}
 * @param maxFileMb largest file the program may write (ulimit fsize)
 * @param openFiles ulimit nofile
 * @param warmPerLanguage pre-started containers kept ready per language, 0 for none
 * @param seccompJson the seccomp profile passed inline to Docker
 * @param user the uid and gid programs run as, and that owns their files
 */
public record SandboxSettings(
    Path workDir,
    long outputLimitBytes,
    long compileTimeLimitMs,
    long maxTimeLimitMs,
    long maxMemoryMb,
    long nanoCpus,
    long pidsLimit,
    long tmpSizeMb,
    long shmSizeMb,
    long maxFileMb,
    long openFiles,
    int warmPerLanguage,
    String seccompJson,
    SandboxUser user) {

  public SandboxSettings {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(seccompJson, "seccompJson");
    Objects.requireNonNull(user, "user");
  }

  /** The memory of a job that asks for {@code askedMb} (capped by these settings). */
  public long memoryMb(long askedMb) {
    return Math.min(askedMb, maxMemoryMb);
  }

  /** A compile step's limits. */
  public Limits compileLimits() {
    return new Limits(compileTimeLimitMs, outputLimitBytes);
  }

  /** A run step's limits for a job that asks for {@code timeMs} (capped by these settings). */
  public Limits runLimits(long timeMs) {
    return new Limits(Math.min(timeMs, maxTimeLimitMs), outputLimitBytes);
  }

  /**
   * Defaults for a developer machine: one core, at most 1 GB and the longest time a job may ask.
   */
  public static SandboxSettings defaults(Path workDir, int warmPerLanguage, SandboxUser user) {
    return new SandboxSettings(
        workDir,
        64 * 1024,
        20_000,
        RunJob.MAX_TIME_LIMIT_MS,
        1024,
        1_000_000_000L,
        128,
        64,
        16,
        16,
        256,
        warmPerLanguage,
        SeccompProfile.load(),
        user);
  }
}
