package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The host folder holding the runs' files: candidates' code, their stdin and test inputs. It must
 * be private to the agent's user, or any local user could read those files or swap them under the
 * agent: a directory (not a symbolic link) owned by that user with mode 0700, whose parents only
 * root and that user can change. The agent creates it so when it is missing and refuses to start
 * otherwise.
 */
public final class WorkFolder {
  private static final int PRIVATE = 0700;
  private static final int GROUP_OR_OTHER = 0077;
  private static final int WRITABLE_BY_GROUP = 0020;
  private static final int WRITABLE_BY_OTHERS = 0002;
  private static final int STICKY = 01000;
  private static final int ROOT = 0;

  private WorkFolder() {}

  /**
   * The default folder: {@code /var/lib/coderoom/runs} for root, else {@code
   * $XDG_STATE_HOME/coderoom/runs} ({@code ~/.local/state/coderoom/runs}).
   */
  public static Path defaultPath() {
    return defaultPath(agentUid(), System.getenv(), System.getProperty("user.home"));
  }

  static Path defaultPath(int uid, Map<String, String> env, String home) {
    if (uid == ROOT) {
      return Path.of("/var/lib/coderoom/runs");
    }
    String state = env.get("XDG_STATE_HOME");
    Path base =
        state != null && state.startsWith("/") ? Path.of(state) : Path.of(home, ".local", "state");
    return base.resolve("coderoom").resolve("runs");
  }

  /**
   * Creates the folder (mode 0700) if it is missing, then checks that it and its parents are the
   * agent's alone.
   *
   * @throws IllegalStateException saying what is wrong and what to do, when they are not
   */
  public static void prepare(Path folder) {
    Path path = folder.toAbsolutePath().normalize();
    int me = agentUid();
    try {
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(path.getParent());
        try {
          Files.createDirectory(
              path,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
          // Made by someone else meanwhile: the checks below decide.
        }
      }
      checkFolder(path, me);
      checkParents(path, me);
    } catch (IOException e) {
      throw new IllegalStateException(
          "The runner's work folder "
              + path
              + " cannot be prepared ("
              + e
              + "): set CODEROOM_RUNNER_WORK_DIR to a folder this user can create.",
          e);
    }
  }

  private static void checkFolder(Path path, int me) throws IOException {
    if (Files.isSymbolicLink(path)) {
      throw refused(
          path,
          "is a symbolic link; it must be a directory of its own (or not exist yet, so the agent"
              + " makes it)");
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(path, "is not a directory");
    }
    int owner = (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    if (owner != me) {
      throw refused(
          path,
          "belongs to uid "
              + owner
              + ", not to this agent's user (uid "
              + me
              + "), who could read or replace candidates' code in it; remove it or choose"
              + " another folder");
    }
    int mode = mode(path);
    if ((mode & GROUP_OR_OTHER) != 0) {
      throw refused(
          path,
          "has mode "
              + octal(mode & 07777)
              + " but must be "
              + octal(PRIVATE)
              + " so that no other user can enter it (chmod 700 "
              + path
              + ")");
    }
  }

  /**
   * Whoever can change a parent can swap the folder for a link to elsewhere. Parents must belong to
   * root or the agent's user and be writable by no one else, unless sticky (like {@code /tmp},
   * where only an entry's owner may rename it).
   */
  private static void checkParents(Path path, int me) throws IOException {
    for (Path chain : new Path[] {path.getParent(), path.getParent().toRealPath()}) {
      for (Path parent = chain; parent != null; parent = parent.getParent()) {
        int owner = (int) Files.getAttribute(parent, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != ROOT && owner != me) {
          throw refused(
              path,
              "is inside "
                  + parent
                  + ", which belongs to uid "
                  + owner
                  + " who could replace it; choose a folder whose parents belong to root or this"
                  + " agent's user");
        }
        if (Files.isSymbolicLink(parent)) {
          continue;
        }
        int mode = mode(parent);
        int group = (int) Files.getAttribute(parent, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        boolean othersWrite =
            (mode & WRITABLE_BY_OTHERS) != 0 || ((mode & WRITABLE_BY_GROUP) != 0 && group != ROOT);
        if (othersWrite && (mode & STICKY) == 0) {
          throw refused(
              path,
              "is inside "
                  + parent
                  + " (mode "
                  + octal(mode & 07777)
                  + "), which other users can change; choose a folder whose parents only root and"
                  + " this agent's user can write");
        }
      }
    }
  }

  private static int mode(Path path) throws IOException {
    return (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }

  private static String octal(int mode) {
    return String.format("%04o", mode);
  }

  private static IllegalStateException refused(Path path, String why) {
    return new IllegalStateException(
        "The runner's work folder "
            + path
            + " (CODEROOM_RUNNER_WORK_DIR) "
            + why
            + ". The agent does not start with it.");
  }

  /** The effective uid of this process, from {@code /proc/self/status}. */
  static int agentUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
        }
      }
      throw new IllegalStateException("/proc/self/status has no Uid line");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tell this process's uid", e);
    }
  }
}
