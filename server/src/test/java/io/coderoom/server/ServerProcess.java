package io.coderoom.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate JVM, so tests can kill it the hard way. Its first start binds port 0 and
 * reads the port it got from its log ("listening on ..."), so no other process can take the port
 * between a test choosing it and the server binding it. Later starts come back on the same port, as
 * a restarted server does, retrying while the port is still held.
 *
 * <p>It can also run on a host of a {@link io.coderoom.server.netns.VirtualNetwork}: launched
 * through the host's {@code ip netns exec}, listening on the host's address.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:\\s]+:(\\d+)");
  private static final Duration START_WAIT = Duration.ofSeconds(60);

  /** How long a restart waits for its port to be free again. */
  private static final Duration PORT_WAIT = Duration.ofSeconds(15);

  private final Path log;
  private final List<String> jvmOptions;

  /** Words run in front of {@code java} (a namespace's launcher), or none. */
  private final List<String> launcher;

  /** The address the test reaches the server at. */
  private final String host;

  private int port;
  private Process process;

  public ServerProcess(Path log) {
    this(log, List.of());
  }

  /** A server started with these JVM options (system properties, for example). */
  public ServerProcess(Path log, List<String> jvmOptions) {
    this(log, jvmOptions, List.of(), "127.0.0.1");
  }

  private ServerProcess(Path log, List<String> jvmOptions, List<String> launcher, String host) {
    this.log = log;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.launcher = List.copyOf(launcher);
    this.host = host;
  }

  /**
   * A server on {@code host}: started inside its namespace, listening on its address at {@code
   * port}, and telling the other instances that address ({@code CODEROOM_CLUSTER_ADDRESS}).
   */
  public static ServerProcess on(
      io.coderoom.server.netns.Host host, int port, Path log, List<String> jvmOptions) {
    ServerProcess server = new ServerProcess(log, jvmOptions, host.launcher(), host.address());
    server.port = port;
    return server;
  }

  /** The port the server listens on; known once it has started. */
  public int port() {
    if (port == 0) {
      throw new IllegalStateException("the server has not started yet");
    }
    return port;
  }

  public URI uri() {
    return URI.create("http://" + host + ":" + port());
  }

  public void start() throws Exception {
    start(Map.of());
  }

  /** Starts the server with these environment variables added to the test's. */
  public void start(Map<String, String> extraEnv) throws Exception {
    long portDeadline = System.nanoTime() + PORT_WAIT.toNanos();
    while (true) {
      long logFrom = Files.exists(log) ? Files.size(log) : 0;
      process = launch(extraEnv);
      Optional<String> failure = awaitListening(logFrom);
      if (failure.isEmpty()) {
        return;
      }
      process.destroyForcibly().waitFor();
      boolean portHeld = failure.get().contains("Address already in use");
      if (!portHeld || port == 0 || System.nanoTime() > portDeadline) {
        throw new AssertionError(failure.get());
      }
      // The previous server's port is not free yet (or briefly held elsewhere): try again.
      Thread.sleep(200);
    }
  }

  private Process launch(Map<String, String> extraEnv) throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-XX:+UseZGC"); // the collector ./coderoom starts the server with
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), CoderoomServer.class.getName()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("CODEROOM_HOST", host);
    env.put("CODEROOM_PORT", Integer.toString(port));
    env.put("CODEROOM_WEB_DIR", TestServers.builtWebClient().toString());
    env.put("CODEROOM_API_KEY", TestServers.API_KEY);
    env.put("CODEROOM_TOKEN_KEYS", TestServers.TOKEN_KEYS_SPEC);
    // As TestServers.config(): the operator's metrics token and rate limits are not the test's.
    env.remove("CODEROOM_METRICS_TOKEN");
    env.put("CODEROOM_ROOMS_PER_MINUTE", "0");
    env.put("CODEROOM_AUTH_FAILURES_PER_MINUTE", "0");
    env.putAll(extraEnv);
    return builder.start();
  }

  /**
   * Waits until the server logged the port it listens on and answers {@code /healthz}; empty then,
   * otherwise why it did not start, with its log.
   */
  private Optional<String> awaitListening(long logFrom) throws Exception {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    Http http = null;
    while (System.nanoTime() < deadline) {
      String output = logSince(logFrom);
      if (output.contains("Address already in use")) {
        return Optional.of("the server could not bind its port:\n" + output);
      }
      if (!process.isAlive()) {
        return Optional.of("the server exited early:\n" + output);
      }
      if (http == null) {
        // JSON lines write the address's slashes as "\/".
        Matcher listening = LISTENING.matcher(output.replace("\\/", "/"));
        if (listening.find()) {
          port = Integer.parseInt(listening.group(1));
          http = new Http(uri());
        }
      }
      if (http != null) {
        try {
          if (http.get("/healthz").statusCode() == 200) {
            return Optional.empty();
          }
        } catch (IOException notYet) {
          // not answering yet
        }
      }
      Thread.sleep(100);
    }
    return Optional.of("the server did not start within " + START_WAIT + ":\n" + logSince(logFrom));
  }

  private String logSince(long offset) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(offset, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }

  /** SIGKILL: no shutdown hook, no drain, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, then the exit code; fails if the server does not exit within 20 s. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not exit within 20 s of SIGTERM");
    }
    return process.exitValue();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
    }
  }
}
