package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Reads a container's memory counters from the host's cgroup files (v1 with the cgroupfs or systemd
 * driver, or v2): whether the kernel OOM-killed something in it, and its peak use. The agent runs
 * on the Docker host, so these are the authoritative answers; Docker's own OOMKilled flag only
 * covers the container's first process, not the execs a run uses.
 *
 * <p>The peak is the container's since it started unless {@link #resetPeak()} starts a window: one
 * exec's memory must not include what ran before it in the same container (a warm TypeScript
 * container's type checker uses more than most programs, and a compiler leaves its files in the
 * page cache). In a window the peak is measured from the use when it started: on cgroup v1 a write
 * to {@code memory.max_usage_in_bytes} resets it to the current use; on v2 (Linux 6.12 and later) a
 * write to {@code memory.peak} resets the peak seen through that open file. Elsewhere, or without
 * the right to write (an agent that is not root), the peak stays the container's.
 */
final class CgroupMemory implements AutoCloseable {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  private final Optional<Path> dir;

  /** The v2 {@code memory.peak} file this window was reset through. */
  private Optional<FileChannel> peakWindow = Optional.empty();

  /** The use when the window started; empty while there is no window. */
  private Optional<Long> baseline = Optional.empty();

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

  /**
   * Peak memory use in bytes: above the use when {@link #resetPeak()} started a window, else since
   * the container started; -1 if unknown.
   */
  long peakBytes() {
    long peak = rawPeak();
    return peak < 0 ? peak : Math.max(0, peak - baseline.orElse(0L));
  }

  private long rawPeak() {
    return peakWindow
        .flatMap(CgroupMemory::readFrom)
        .or(() -> read("memory.max_usage_in_bytes"))
        .or(() -> read("memory.peak"))
        .orElse(-1L);
  }

  /** Starts the peak anew from the current use, where the kernel allows it. */
  void resetPeak() {
    if (dir.isEmpty()) {
      return;
    }
    Path v1 = dir.get().resolve("memory.max_usage_in_bytes");
    try {
      if (Files.exists(v1)) {
        Files.writeString(v1, "0");
        baseline = read("memory.max_usage_in_bytes");
        return;
      }
      FileChannel peak =
          FileChannel.open(
              dir.get().resolve("memory.peak"), StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        peak.write(ByteBuffer.wrap("reset\n".getBytes(StandardCharsets.US_ASCII)));
        peakWindow = Optional.of(peak);
        baseline = readFrom(peak);
      } catch (IOException e) {
        peak.close();
        throw e;
      }
    } catch (IOException | SecurityException e) {
      // An older kernel or no right to write: the peak stays the container's.
    }
  }

  private static Optional<Long> readFrom(FileChannel file) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64);
      file.read(buffer, 0);
      buffer.flip();
      return Optional.of(
          Long.parseLong(StandardCharsets.US_ASCII.decode(buffer).toString().trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    peakWindow.ifPresent(
        file -> {
          try {
            file.close();
          } catch (IOException e) {
            // Nothing to do.
          }
        });
    peakWindow = Optional.empty();
    baseline = Optional.empty();
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
