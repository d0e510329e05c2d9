package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A stock npm y-websocket client in a node process (test-tools/ywebsocket-peer.mjs). */
final class NodePeer implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path SCRIPT = Path.of("test-tools", "ywebsocket-peer.mjs");

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final StringBuilder errors = new StringBuilder();

  private NodePeer(Process process) {
    this.process = process;
    this.stdin = process.outputWriter(StandardCharsets.UTF_8);
    Thread.ofVirtual().start(this::readEvents);
    Thread.ofVirtual().start(this::readErrors);
  }

  static NodePeer start(
      URI server, String roomId, String token, long seed, int edits, int intervalMs)
      throws IOException {
    String ws = server.toString().replaceFirst("^http", "ws");
    Process process =
        new ProcessBuilder(
                "node",
                SCRIPT.toString(),
                ws,
                roomId,
                token,
                Long.toString(seed),
                Integer.toString(edits),
                Integer.toString(intervalMs))
            .start();
    return new NodePeer(process);
  }

  JsonNode await(String event, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode next = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError(
            "node peer sent no " + event + " in " + timeout + "; stderr: " + errors);
      }
      if (event.equals(next.path("event").asText())) {
        return next;
      }
    }
  }

  JsonNode report() throws IOException, InterruptedException {
    stdin.write("report\n");
    stdin.flush();
    return await("report", Duration.ofSeconds(5));
  }

  /** Ends the process abruptly, as a crashed browser tab would. */
  void kill() {
    process.destroyForcibly();
  }

  private void readEvents() {
    try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        events.add(JSON.readTree(line));
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  private void readErrors() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (errors) {
          errors.append(line).append('\n');
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      try {
        stdin.write("quit\n");
        stdin.flush();
      } catch (IOException ignored) {
        // already gone
      }
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
