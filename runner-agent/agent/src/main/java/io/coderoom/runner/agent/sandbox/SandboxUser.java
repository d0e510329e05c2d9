package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The user and group that candidates' code runs as in every container, and that owns the run files
 * the agent writes. It must be no account of the host: a container process with a host user's uid
 * could use that user's file access wherever the container reaches the host's files.
 *
 * <p>The default, 65530, lies outside Debian's ranges for system accounts (100-999) and user
 * accounts (1000-59999), outside the uids Debian allocates globally (60000-64999) and systemd's
 * dynamic users (61184-65519), below {@code nobody} (65534), and within 16 bits, so it also maps
 * into the subordinate range of a Docker engine that remaps user namespaces.
 *
 * @param uid the user id (also the group id)
 */
public record SandboxUser(int uid) {
  public static final int DEFAULT_UID = 65530;

  /** The host's account databases the uid is checked against. */
  private static final Path HOST_USERS = Path.of("/etc/passwd");

  private static final Path HOST_GROUPS = Path.of("/etc/group");

  public SandboxUser {
    if (uid <= 0) {
      throw new IllegalArgumentException(
          "CODEROOM_SANDBOX_UID must be a positive uid (not root), was " + uid);
    }
  }

  public static SandboxUser defaultUser() {
    return new SandboxUser(DEFAULT_UID);
  }

  /** The group id: the same number. */
  public int gid() {
    return uid;
  }

  /** As Docker's {@code --user}. */
  String docker() {
    return uid + ":" + gid();
  }

  /** Refuses a uid or gid that an account or group of this host has. */
  void requireNoHostAccount() {
    requireNoHostAccount(HOST_USERS, HOST_GROUPS);
  }

  void requireNoHostAccount(Path users, Path groups) {
    owner(users, uid)
        .ifPresent(
            name -> {
              throw new IllegalStateException(
                  "The sandbox uid "
                      + uid
                      + " is the uid of host user '"
                      + name
                      + "' ("
                      + users
                      + "): candidates' code would run with that user's file access. Set"
                      + " CODEROOM_SANDBOX_UID to a uid no host account has (default "
                      + DEFAULT_UID
                      + ").");
            });
    owner(groups, gid())
        .ifPresent(
            name -> {
              throw new IllegalStateException(
                  "The sandbox gid "
                      + gid()
                      + " is the gid of host group '"
                      + name
                      + "' ("
                      + groups
                      + "): candidates' code would run with that group's file access. Set"
                      + " CODEROOM_SANDBOX_UID to a number no host account or group has (default "
                      + DEFAULT_UID
                      + ").");
            });
  }

  /**
   * The name on the line of {@code file} (passwd or group format) whose third field is {@code id}.
   */
  private static Optional<String> owner(Path file, int id) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to check the sandbox uid", e);
    }
    String number = Integer.toString(id);
    for (String line : lines) {
      String[] fields = line.split(":", -1);
      if (fields.length > 2 && fields[2].equals(number)) {
        return Optional.of(fields[0]);
      }
    }
    return Optional.empty();
  }
}
