package io.coderoom.server;

import io.coderoom.server.netns.Host;
import io.coderoom.server.netns.VirtualNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of a test's own, on a free loopback port, without persistence: the test may kill
 * it, start it again on the same port, or fill its memory, and nobody else's Redis is touched. No
 * password: it listens on loopback only and lives for one test class.
 *
 * <p>It can also run on a host of a {@link VirtualNetwork} ({@link #startOn}): inside the host's
 * namespace, on Redis's usual port, listening on the addresses given (still without a password: the
 * network is the test's own).
 */
public final class PrivateRedis implements AutoCloseable {
  private static final Duration START_WAIT = Duration.ofSeconds(20);

  private final Path folder;

  /** Words run in front of redis-server (a namespace's launcher), or none. */
  private final List<String> launcher;

  /** The address it answers on for the test and the server; it also listens on the others. */
  private final String address;

  private final List<String> bindAddresses;
  private int port;
  private int launches;
  private Process process;

  private PrivateRedis(Path folder, List<String> launcher, List<String> bindAddresses) {
    this.folder = folder;
    this.launcher = List.copyOf(launcher);
    this.address = bindAddresses.getFirst();
    this.bindAddresses = List.copyOf(bindAddresses);
  }

  /**
   * Starts one inside {@code host}, on port 6379, listening on the host's address and on {@code
   * moreAddresses} (the host's addresses on other links).
   */
  public static PrivateRedis startOn(Host host, Path folder, String... moreAddresses)
      throws Exception {
    List<String> addresses = new ArrayList<>(List.of(host.address()));
    addresses.addAll(List.of(moreAddresses));
    PrivateRedis redis = new PrivateRedis(folder, host.launcher(), addresses);
    redis.port = 6379;
    redis.launch();
    return redis;
  }

  /** Starts one on a free port, trying another when a port turns out taken. */
  public static PrivateRedis start(Path folder) throws Exception {
    PrivateRedis redis = new PrivateRedis(folder, List.of(), List.of("127.0.0.1"));
    AssertionError last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try (ServerSocket probe = new ServerSocket(0)) {
        redis.port = probe.getLocalPort();
      }
      try {
        redis.launch();
        return redis;
      } catch (AssertionError taken) {
        // Someone bound the port between the probe and redis-server: take another one.
        last = taken;
      }
    }
    throw last;
  }

  public int port() {
    return port;
  }

  /** The URL the server and the runner agent take. */
  public String url() {
    return "redis://" + address + ":" + port;
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: every connection drops at once, and everything it held is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Starts it again, empty, on the same port (retrying while the old socket lets go of it). */
  public void restart() throws Exception {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (true) {
      try {
        launch();
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Runs a command (such as {@code CONFIG SET maxmemory 1}) and returns Redis's first line. */
  public String command(String... words) throws IOException {
    try (Socket socket = new Socket(address, port)) {
      socket.setSoTimeout(5_000);
      StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
      for (String word : words) {
        request
            .append('$')
            .append(word.getBytes(StandardCharsets.UTF_8).length)
            .append("\r\n")
            .append(word)
            .append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }

  private void launch() throws Exception {
    // A log per launch: its "Ready" line is this process's, not an earlier one's.
    Path log = folder.resolve("redis-" + ++launches + ".log");
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of("redis-server", "--port", Integer.toString(port), "--bind"));
    command.addAll(bindAddresses);
    // Without a password Redis answers only loopback unless told otherwise; the network is ours.
    command.addAll(List.of("--protected-mode", launcher.isEmpty() ? "yes" : "no"));
    command.addAll(List.of("--save", "", "--appendonly", "no", "--dir", folder.toString()));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("redis-server exited:\n" + Files.readString(log));
      }
      try {
        // Ready, and ours: a port someone else took would answer while this process exits.
        if (Files.readString(log).contains("Ready to accept connections")
            && command("PING").equals("+PONG")
            && process.isAlive()) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError(
        "redis-server did not answer on " + address + ":" + port + ":\n" + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
