package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The host directory of one container, mounted read-only at {@code /code}: the agent writes the
 * run's files into it (possibly after the container started, for a warm one); the container can
 * read them and change nothing.
 *
 * <p>Only the sandbox may read them. An agent running as root gives the directory and its files to
 * the {@link SandboxUser} (modes 0500 and 0400); any other agent keeps them its own, readable
 * through the mount, but inside the {@link WorkFolder} (0700) that no other user can enter. The
 * agent never follows a symbolic link here: files are created anew and renamed into place (a link
 * at the name is replaced, not written through), and deletion walks the tree by its open directory
 * handles without following links.
 */
final class Workspace implements AutoCloseable {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path dir;
  private final SandboxUser user;
  private final boolean sandboxOwnsFiles;

  private Workspace(Path dir, SandboxUser user, boolean sandboxOwnsFiles) {
    this.dir = dir;
    this.user = user;
    this.sandboxOwnsFiles = sandboxOwnsFiles;
  }

  /** A new run directory in the (prepared) work folder. */
  static Workspace create(Path folder, SandboxUser user) {
    boolean root = WorkFolder.agentUid() == 0;
    Path dir = folder.resolve(UUID.randomUUID().toString());
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Workspace workspace = new Workspace(dir, user, root);
      if (root) {
        workspace.giveToSandbox(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
      } else {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      return workspace;
    } catch (IOException e) {
      Workspace.of(dir).close();
      throw new UncheckedIOException(e);
    }
  }

  /** An existing run directory (of a dead agent's container, to delete). */
  static Workspace of(Path dir) {
    return new Workspace(dir, SandboxUser.defaultUser(), false);
  }

  Path dir() {
    return dir;
  }

  /** Writes these files (by plain name, no folders) for the sandbox to read. */
  void write(Map<String, String> files) {
    for (Map.Entry<String, String> file : files.entrySet()) {
      write(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void write(String name, byte[] content) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
    Path temporary = dir.resolve(".new-" + UUID.randomUUID());
    try {
      try (SeekableByteChannel out =
          Files.newByteChannel(
              temporary,
              Set.<OpenOption>of(
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS),
              PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
      if (sandboxOwnsFiles) {
        giveToSandbox(temporary);
      }
      Files.getFileAttributeView(temporary, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(
              PosixFilePermissions.fromString(sandboxOwnsFiles ? "r--------" : "rw-r--r--"));
      // rename(2): whatever is at the name, a symbolic link included, is replaced, never followed.
      Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The directory goes with the container anyway.
      }
      throw new UncheckedIOException(e);
    }
  }

  private void giveToSandbox(Path path) throws IOException {
    Files.setAttribute(path, "unix:uid", user.uid(), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path, "unix:gid", user.gid(), LinkOption.NOFOLLOW_LINKS);
  }

  /** Deletes the directory and everything in it, following no link. */
  @Override
  public void close() {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(dir);
        return;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries instanceof SecureDirectoryStream<Path> secure) {
          empty(secure);
        } else {
          throw new IOException("no secure directory streams on this file system");
        }
      }
      Files.deleteIfExists(dir);
    } catch (NoSuchFileException e) {
      // Already gone.
    } catch (IOException e) {
      // Best effort: what is left is inside the private work folder.
    }
  }

  /** Empties a directory through its open handle, so a swapped path cannot redirect deletion. */
  private static void empty(SecureDirectoryStream<Path> directory) throws IOException {
    List<Path> names = new ArrayList<>();
    for (Path entry : directory) {
      names.add(entry.getFileName());
    }
    for (Path name : names) {
      boolean isDirectory =
          directory
              .getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
              .readAttributes()
              .isDirectory();
      if (isDirectory) {
        try (SecureDirectoryStream<Path> child =
            directory.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
          empty(child);
        }
        directory.deleteDirectory(name);
      } else {
        directory.deleteFile(name);
      }
    }
  }
}
