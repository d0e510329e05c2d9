package io.coderoom.server;

import io.coderoom.server.netns.Host;
import io.coderoom.server.netns.VirtualNetwork;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own, made with the machine's PostgreSQL 15 binaries in a fresh
 * folder on a free loopback port, so a test can stop and start it without touching the database
 * everyone else uses. initdb refuses to run as root, so as root every command runs as the {@code
 * postgres} account, which owns the folder. The server reaches it over TCP as a role with a
 * password, as it reaches any PostgreSQL; the folder is deleted on close.
 *
 * <p>It can also run on a host of a {@link VirtualNetwork} ({@link #createOn}): started inside the
 * host's namespace, listening on the host's address on PostgreSQL's usual port, and accepting the
 * role's password from the network's addresses.
 */
public final class PrivatePostgres implements AutoCloseable {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final String ROLE = "coderoom";
  private static final String DATABASE = "coderoom";

  private final Path folder;
  private final Path data;
  private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  private final Thread cleanup;

  /** Words run in front of every PostgreSQL command (a namespace's launcher), or none. */
  private final List<String> launcher;

  private final String listenAddress;

  /** The addresses besides loopback the role may connect from (a CIDR), or null. */
  private final String clients;

  private int port;

  private PrivatePostgres(
      Path folder, List<String> launcher, String listenAddress, String clients) {
    this.folder = folder;
    this.launcher = List.copyOf(launcher);
    this.listenAddress = listenAddress;
    this.clients = clients;
    this.data = folder.resolve("data");
    // A test JVM that dies without running close must not leave a postmaster behind.
    this.cleanup = new Thread(this::stopAndDelete, "private-postgres-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Creates the cluster, starts it on a free port, and creates the role and its database. */
  public static PrivatePostgres create() throws Exception {
    return create(
        new PrivatePostgres(
            Files.createTempDirectory("coderoom-pg-"), List.of(), "127.0.0.1", null));
  }

  /**
   * Creates the cluster and starts it inside {@code host}, on its address and port 5432, letting
   * the role in from the addresses of {@code network}.
   */
  public static PrivatePostgres createOn(Host host, VirtualNetwork network) throws Exception {
    PrivatePostgres postgres =
        new PrivatePostgres(
            Files.createTempDirectory("coderoom-pg-"),
            host.launcher(),
            host.address(),
            network.cidr());
    postgres.port = 5432;
    return create(postgres);
  }

  private static PrivatePostgres create(PrivatePostgres postgres) throws Exception {
    Path folder = postgres.folder;
    try {
      if (runsAsRoot()) {
        run("chown", "postgres:postgres", folder.toString());
      }
      postgres.asOwner(
          BIN.resolve("initdb").toString(),
          "-D",
          postgres.data.toString(),
          "-U",
          "postgres",
          "-E",
          "UTF8",
          "--auth-local=trust",
          "--auth-host=scram-sha-256",
          "--no-sync");
      if (postgres.clients != null) {
        Files.writeString(
            postgres.data.resolve("pg_hba.conf"),
            "host all all " + postgres.clients + " scram-sha-256\n",
            java.nio.file.StandardOpenOption.APPEND);
      }
      if (postgres.port == 0) {
        postgres.startOnFreePort();
      } else {
        postgres.restart();
      }
      postgres.asOwner(
          BIN.resolve("psql").toString(),
          "-q",
          "-v",
          "ON_ERROR_STOP=1",
          "-h",
          folder.toString(),
          "-p",
          Integer.toString(postgres.port),
          "-U",
          "postgres",
          "-d",
          "postgres",
          "-c",
          "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + postgres.password + "'",
          "-c",
          "CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
      return postgres;
    } catch (Exception | AssertionError e) {
      postgres.close();
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + listenAddress + ":" + port + "/" + DATABASE;
  }

  public String user() {
    return ROLE;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** The folder of the cluster's Unix socket, where its superuser connects without a password. */
  public Path socketDirectory() {
    return folder;
  }

  /** Runs one SQL statement as the cluster's superuser (to drop or create a database, say). */
  public void asSuperuser(String sql) throws Exception {
    asOwner(
        BIN.resolve("psql").toString(),
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        folder.toString(),
        "-p",
        Integer.toString(port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-c",
        sql);
  }

  /** Stops the cluster (fast shutdown: sessions are disconnected, the data stays). */
  public void stop() throws Exception {
    pgCtl("-m", "fast", "-w", "stop");
  }

  /** Starts the stopped cluster again on its port. */
  public void restart() throws Exception {
    pgCtl("-w", "-t", "60", "-o", options(), "start");
  }

  private void startOnFreePort() throws Exception {
    AssertionError last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      try {
        restart();
        return;
      } catch (AssertionError taken) {
        // Someone bound the port between the probe and the postmaster: take another one.
        last = taken;
      }
    }
    throw last;
  }

  private String options() {
    // fsync off: a clean stop still writes everything; only a machine crash would lose data.
    return "-p "
        + port
        + " -k "
        + folder
        + " -c listen_addresses="
        + listenAddress
        + " -c fsync=off";
  }

  private void pgCtl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(BIN.resolve("pg_ctl").toString());
    command.add("-D");
    command.add(data.toString());
    command.add("-l");
    command.add(folder.resolve("postgres.log").toString());
    command.addAll(List.of(arguments));
    asOwner(command.toArray(String[]::new));
  }

  /** Runs a PostgreSQL command as the folder's owner. */
  private void asOwner(String... command) throws Exception {
    List<String> full = new ArrayList<>(launcher);
    if (runsAsRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      // Named by its program only: the arguments may hold the role's password.
      List<String> words = List.of(command);
      String program = words.get(words.contains("--") ? words.indexOf("--") + 1 : 0);
      throw new AssertionError(Path.of(program).getFileName() + " failed: " + output);
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private void stopAndDelete() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        pgCtl("-m", "immediate", "-w", "stop");
      }
    } catch (Exception | AssertionError e) {
      // Already stopped, or never started: nothing to stop.
    }
    try {
      run("rm", "-rf", folder.toString());
    } catch (Exception | AssertionError e) {
      throw new IllegalStateException("could not delete " + folder, e);
    }
  }

  @Override
  public void close() throws IOException {
    stopAndDelete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or ran already.
    }
  }
}
