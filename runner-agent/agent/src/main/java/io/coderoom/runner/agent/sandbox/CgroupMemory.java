package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a container's memory counters from the host's cgroup files (v1 with the cgroupfs or systemd
 * driver, or v2): whether the kernel OOM-killed something in it, and its peak use. The agent runs
 * on the Docker host, so these are the authoritative answers; Docker's own OOMKilled flag only
 * covers the container's first process, not the execs a run uses.
 */
final class CgroupMemory {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  private final Optional<Path> dir;

  private CgroupMemory(Optional<Path> dir) {
    this.dir = dir;
  }

  static CgroupMemory of(String containerId) {
    List<Path> candidates =
        List.of(
            ROOT.resolve("memory/docker/" + containerId),
            ROOT.resolve("memory/system.slice/docker-" + containerId + ".scope"),
            ROOT.resolve("system.slice/docker-" + containerId + ".scope"),
            ROOT.resolve("docker/" + containerId));
    return new CgroupMemory(candidates.stream().filter(Files::isDirectory).findFirst());
  }

  /** How many processes the kernel OOM-killed in the container. */
  long oomKills() {
    // v1: memory.oom_control has "oom_kill N"; v2: memory.events has "oom_kill N".
    return field("memory.oom_control", "oom_kill")
        .or(() -> field("memory.events", "oom_kill"))
        .orElse(0L);
  }

  /** How often the container's memory use reached its limit (v1 failcnt, v2 events "max"). */
  long limitHits() {
    return read("memory.failcnt").or(() -> field("memory.events", "max")).orElse(0L);
  }

  /** Peak memory use in bytes, -1 if unknown. */
  long peakBytes() {
    return read("memory.max_usage_in_bytes").or(() -> read("memory.peak")).orElse(-1L);
  }

  private Optional<Long> read(String file) {
    return dir.flatMap(
        d -> {
          try {
            return Optional.of(Long.parseLong(Files.readString(d.resolve(file)).trim()));
          } catch (IOException | NumberFormatException e) {
            return Optional.empty();
          }
        });
  }

  private Optional<Long> field(String file, String name) {
    return dir.flatMap(
        d -> {
          try {
            for (String line : Files.readAllLines(d.resolve(file))) {
              String[] parts = line.trim().split("\\s+");
              if (parts.length == 2 && parts[0].equals(name)) {
                return Optional.of(Long.parseLong(parts[1]));
              }
            }
            return Optional.empty();
          } catch (IOException | NumberFormatException e) {
            return Optional.empty();
          }
        });
  }
}
