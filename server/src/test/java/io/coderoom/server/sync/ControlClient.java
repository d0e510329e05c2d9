package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A control-socket client for tests: sends JSON commands and receives every event, strictly. A test
 * takes events in the order they come ({@link #await}, {@link #awaitRun}, {@link #next}); an event
 * it did not ask for fails it, unless the test declared that type as one that may come at any time
 * ({@link #allow}). Closing the client checks, behind a ping, that nothing else came: a stray
 * {@code error} or a broadcast sent twice fails the test that caused it.
 */
final class ControlClient implements WebSocket.Listener, AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

  /** Every event received, in order, for failure messages. */
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  /** Event types the test declared may arrive at any time; skipped wherever they come. */
  private final Set<String> allowed = ConcurrentHashMap.newKeySet();

  private final StringBuilder partial = new StringBuilder();
  final CompletableFuture<YClient.Close> closed = new CompletableFuture<>();
  private WebSocket socket;

  static ControlClient connect(URI server, String roomId, String token, String query)
      throws Exception {
    ControlClient client = new ControlClient();
    URI uri =
        URI.create(
            server.toString().replaceFirst("^http", "ws")
                + "/ws/rooms/"
                + roomId
                + "/control?token="
                + token
                + query);
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, client)
            .get(10, TimeUnit.SECONDS);
    return client;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode event = JSON.readTree(partial.toString());
        received.add(event);
        events.add(event);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new YClient.Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(new YClient.Close(-1, error.toString()));
  }

  /**
   * Declares event types that may arrive at any time, any number of times, and that this test does
   * not look at (participants coming and going in a test about runs, for example).
   */
  ControlClient allow(String... types) {
    allowed.addAll(List.of(types));
    return this;
  }

  void send(String json) {
    socket.sendText(json, true).join();
  }

  /** The next event of this type; any event before it must be of an allowed type. */
  JsonNode await(String type) throws InterruptedException {
    return await(type, WAIT);
  }

  /** The next event of this type within the timeout; any event before it must be allowed. */
  JsonNode await(String type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode next = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("no " + type + " event within " + timeout + seen());
      }
      if (typeOf(next).equals(type)) {
        return next;
      }
      if (!allowed.contains(typeOf(next))) {
        throw new AssertionError("waiting for " + type + ", got the unexpected " + next + seen());
      }
    }
  }

  /**
   * One run as this client sees it: {@code run_started}, its {@code run_output}, {@code
   * run_finished}, all of the same run, with nothing unexpected in between.
   */
  Run awaitRun(Duration timeout) throws InterruptedException {
    JsonNode started = await("run_started", timeout);
    String runId = started.path("runId").asText();
    List<JsonNode> output = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode next = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("run " + runId + " did not finish within " + timeout + seen());
      }
      String type = typeOf(next);
      boolean ours = next.path("runId").asText().equals(runId);
      if (type.equals("run_output") && ours) {
        output.add(next);
      } else if (type.equals("run_finished") && ours) {
        return new Run(started, List.copyOf(output), next);
      } else if (!allowed.contains(type)) {
        throw new AssertionError("during run " + runId + ", the unexpected " + next + seen());
      }
    }
  }

  /** A run's events as one client received them. */
  record Run(JsonNode started, List<JsonNode> output, JsonNode finished) {
    /** What the run printed on this stream, as streamed. */
    String printed(String stream) {
      StringBuilder text = new StringBuilder();
      for (JsonNode chunk : output) {
        if (chunk.path("stream").asText().equals(stream)) {
          text.append(chunk.path("data").asText());
        }
      }
      return text.toString();
    }

    /** Every event of the run, in order. */
    List<JsonNode> events() {
      List<JsonNode> all = new ArrayList<>();
      all.add(started);
      all.addAll(output);
      all.add(finished);
      return all;
    }
  }

  /** The next event of any type within the timeout; the caller judges it. */
  JsonNode next(Duration timeout) throws InterruptedException {
    JsonNode next = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (next == null) {
      throw new AssertionError("no event within " + timeout + seen());
    }
    return next;
  }

  /** The events received and not yet taken, removed from the queue. */
  List<JsonNode> drain() {
    List<JsonNode> drained = new ArrayList<>();
    events.drainTo(drained);
    return drained;
  }

  /**
   * Proves that nothing but allowed events came: sends a ping and takes every event up to its pong.
   * The room handles a socket's commands in order, so whatever the server sent this socket before
   * it handled the ping has arrived by then. Returns quietly if the socket closes meanwhile (what
   * came before the close is checked when the client closes).
   */
  void assertQuiet() throws InterruptedException {
    try {
      send("{\"type\":\"ping\"}");
    } catch (CompletionException refused) {
      // The server closed the socket just now: what came before the close is checked on close.
      try {
        closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("could not send a ping, and the socket stayed open", refused);
      }
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonNode next = events.poll(50, TimeUnit.MILLISECONDS);
      if (next == null) {
        if (closed.isDone()) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no pong within " + WAIT + seen());
        }
        continue;
      }
      if (typeOf(next).equals("pong")) {
        return;
      }
      if (!allowed.contains(typeOf(next))) {
        throw new AssertionError("the unexpected " + next + seen());
      }
    }
  }

  YClient.Close awaitClose() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  /**
   * Checks that no unexpected event came (behind a ping while the socket is open), then closes. A
   * test that fails already gets this check's failure as a suppressed one. Participants leaving are
   * what a test's other clients closing just before this one look like, so they pass here.
   */
  @Override
  public void close() {
    allowed.add("participant_left");
    try {
      if (!closed.isDone() && !socket.isOutputClosed()) {
        try {
          assertQuiet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while checking the control socket", e);
        }
      }
      List<JsonNode> unexpected =
          drain().stream().filter(event -> !allowed.contains(typeOf(event))).toList();
      if (!unexpected.isEmpty()) {
        throw new AssertionError("events nobody expected: " + unexpected + seen());
      }
    } finally {
      // The server may be gone already (killed, or it closed the socket): then just drop it.
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(error -> null);
      socket.abort();
    }
  }

  /** Every event this client received so far, taken or not, in order. */
  List<JsonNode> received() {
    return List.copyOf(received);
  }

  private String seen() {
    return "; received so far: " + received + (allowed.isEmpty() ? "" : "; allowed: " + allowed);
  }

  private static String typeOf(JsonNode event) {
    return event.path("type").asText();
  }
}
