package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The host directory of one container, mounted read-only at {@code /code}: the agent writes the
 * run's files into it (possibly after the container started, for a warm one); the container can
 * read them and change nothing.
 */
final class Workspace implements AutoCloseable {
  private final Path dir;

  private Workspace(Path dir) {
    this.dir = dir;
  }

  static Workspace create(Path root) {
    try {
      Files.createDirectories(root);
      Path dir = root.resolve(UUID.randomUUID().toString());
      Files.createDirectory(dir);
      // Readable by the container's user (uid 1000), writable by the agent only.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      return new Workspace(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An existing run directory (of a dead agent's container, to delete). */
  static Workspace of(Path dir) {
    return new Workspace(dir);
  }

  Path dir() {
    return dir;
  }

  void write(Map<String, String> files) {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort; a leftover directory holds no secrets.
    }
  }
}
