package io.coderoom.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The server as a separate JVM, so tests can kill it the hard way. */
public final class ServerProcess implements AutoCloseable {
  private final int port;
  private final Path log;
  private Process process;

  public ServerProcess(Path log) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
    this.log = log;
  }

  public int port() {
    return port;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public void start() throws Exception {
    start(Map.of());
  }

  /** Starts the server with these environment variables added to the test's. */
  public void start(Map<String, String> extraEnv) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                // the collector ./coderoom starts the server with
                "-XX:+UseZGC",
                "-cp",
                System.getProperty("java.class.path"),
                CoderoomServer.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("CODEROOM_PORT", Integer.toString(port));
    env.put("CODEROOM_WEB_DIR", TestServers.builtWebClient().toString());
    env.put("CODEROOM_API_KEY", TestServers.API_KEY);
    env.put("CODEROOM_TOKEN_KEYS", TestServers.TOKEN_KEYS_SPEC);
    // As TestServers.config(): the operator's metrics token and rate limits are not the test's.
    env.remove("CODEROOM_METRICS_TOKEN");
    env.put("CODEROOM_ROOMS_PER_MINUTE", "0");
    env.put("CODEROOM_AUTH_FAILURES_PER_MINUTE", "0");
    env.putAll(extraEnv);
    process = builder.start();
    Http http = new Http(uri());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("server exited early:\n" + Files.readString(log));
      }
      try {
        if (http.get("/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("server did not start:\n" + Files.readString(log));
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
