package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the CPU time a container has used from the host's cgroup files ({@code cpuacct.usage} on
 * v1, {@code cpu.stat}'s {@code usage_usec} on v2). A loaded machine stretches a program's
 * wall-clock time, not the CPU time it needs, so the time of a test case is judged on this.
 */
final class CgroupCpu {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  private final Optional<Path> dir;

  private CgroupCpu(Optional<Path> dir) {
    this.dir = dir;
  }

  static CgroupCpu of(String containerId) {
    List<Path> candidates =
        List.of(
            ROOT.resolve("cpuacct/docker/" + containerId),
            ROOT.resolve("cpu,cpuacct/docker/" + containerId),
            ROOT.resolve("cpuacct/system.slice/docker-" + containerId + ".scope"),
            ROOT.resolve("cpu,cpuacct/system.slice/docker-" + containerId + ".scope"),
            ROOT.resolve("system.slice/docker-" + containerId + ".scope"),
            ROOT.resolve("docker/" + containerId));
    return new CgroupCpu(candidates.stream().filter(Files::isDirectory).findFirst());
  }

  /** CPU time the container's processes used so far, in nanoseconds; -1 if unknown. */
  long usedNanos() {
    return dir.flatMap(CgroupCpu::read).orElse(-1L);
  }

  private static Optional<Long> read(Path dir) {
    try {
      Path v1 = dir.resolve("cpuacct.usage");
      if (Files.exists(v1)) {
        return Optional.of(Long.parseLong(Files.readString(v1).trim()));
      }
      for (String line : Files.readAllLines(dir.resolve("cpu.stat"))) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2 && parts[0].equals("usage_usec")) {
          return Optional.of(Long.parseLong(parts[1]) * 1_000);
        }
      }
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
