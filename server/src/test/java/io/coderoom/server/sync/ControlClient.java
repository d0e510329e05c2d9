package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A control-socket client for tests: sends JSON commands, queues the JSON events. */
final class ControlClient implements WebSocket.Listener, AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
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
        events.add(JSON.readTree(partial.toString()));
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

  void send(String json) {
    socket.sendText(json, true).join();
  }

  /** The next event of this type, skipping others. */
  JsonNode await(String type) throws InterruptedException {
    return await(type, Duration.ofSeconds(10));
  }

  /** The next event of this type within the timeout, skipping others. */
  JsonNode await(String type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode next = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("no " + type + " event within " + timeout);
      }
      if (next.path("type").asText().equals(type)) {
        return next;
      }
    }
  }

  /** The next event of any type within the timeout. */
  JsonNode next(Duration timeout) throws InterruptedException {
    JsonNode next = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (next == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return next;
  }

  /** The events received and not yet awaited, removed from the queue. */
  java.util.List<JsonNode> drain() {
    java.util.List<JsonNode> drained = new java.util.ArrayList<>();
    events.drainTo(drained);
    return drained;
  }

  YClient.Close awaitClose() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    // The server may be gone already (killed, or it closed the socket): then just drop it.
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(error -> null);
    socket.abort();
  }
}
