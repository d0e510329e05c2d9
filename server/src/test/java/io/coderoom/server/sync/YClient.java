package io.coderoom.server.sync;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Text;
import io.coderoom.crdt.sync.Awareness;
import io.coderoom.crdt.sync.Message;
import io.coderoom.crdt.sync.ProtocolException;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.crdt.sync.SyncSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A y-websocket client for tests: JDK WebSocket plus the crdt module, doing what the npm
 * y-websocket provider does (step 1 on open, answer step 1, apply step 2 and updates, send local
 * updates, relay awareness). All document access is synchronized on this client.
 */
final class YClient implements WebSocket.Listener, AutoCloseable {
  private final Doc doc = new Doc();

  /** The client side of the sync protocol; remote changes carry it as their origin. */
  private final SyncSession session = SyncSession.of(doc);

  private final Awareness awareness = new Awareness(doc.clientId());
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  final List<String> denials = new CopyOnWriteArrayList<>();

  /** Sync messages (step 1, step 2, updates) received. */
  final java.util.concurrent.atomic.AtomicInteger syncMessages =
      new java.util.concurrent.atomic.AtomicInteger();

  final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> synced = new CompletableFuture<>();
  private WebSocket socket;
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

  record Close(int code, String reason) {}

  static YClient connect(URI server, String roomId, String doc, String token) throws Exception {
    return connect(server, roomId, doc, token, null);
  }

  /** A client whose document starts from {@code state}, as a reconnecting browser tab's would. */
  static YClient connect(URI server, String roomId, String doc, String token, byte[] state)
      throws Exception {
    YClient client = new YClient();
    if (state != null) {
      client.doc.applyUpdate(state);
    }
    URI uri =
        URI.create(
            server.toString().replaceFirst("^http", "ws")
                + "/ws/rooms/"
                + roomId
                + "/"
                + doc
                + "?token="
                + token);
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, client)
            .get(10, TimeUnit.SECONDS);
    return client;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    synchronized (this) {
      doc.onUpdate(
          (update, origin, tr) -> {
            if (origin != session) {
              send(webSocket, SyncProtocol.update(update));
            }
          });
      awareness.onUpdate(
          event -> {
            if (event.origin() != this) {
              List<Long> changed = new java.util.ArrayList<>(event.added());
              changed.addAll(event.updated());
              changed.addAll(event.removed());
              send(webSocket, SyncProtocol.awareness(awareness.encodeUpdate(changed)));
            }
          });
      send(webSocket, session.start());
    }
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    partial.writeBytes(chunk);
    if (last) {
      byte[] message = partial.toByteArray();
      partial.reset();
      handle(webSocket, message);
    }
    webSocket.request(1);
    return null;
  }

  private synchronized void handle(WebSocket webSocket, byte[] frame) {
    try {
      switch (SyncProtocol.decode(frame)) {
        case Message.Sync sync -> {
          syncMessages.incrementAndGet();
          for (byte[] reply : session.receive(sync.message()).replies()) {
            send(webSocket, reply);
          }
          if (session.synced()) {
            synced.complete(null);
          }
        }
        case Message.AwarenessUpdate update -> awareness.applyUpdate(update.update(), this);
        case Message.PermissionDenied denied -> denials.add(denied.reason());
        case Message.QueryAwareness query -> {}
      }
    } catch (ProtocolException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(new Close(-1, error.toString()));
  }

  void awaitSynced() throws Exception {
    synced.get(10, TimeUnit.SECONDS);
  }

  /** Waits until the client synced or was closed; the close when it was closed first. */
  java.util.Optional<Close> awaitSyncedOrClosed() throws Exception {
    CompletableFuture.anyOf(synced, closed).get(10, TimeUnit.SECONDS);
    return synced.isDone() ? java.util.Optional.empty() : java.util.Optional.of(closed.join());
  }

  synchronized String text() {
    return doc.getText("codemirror").toString();
  }

  /** Calls {@code listener} with the text after each change that came from the server. */
  synchronized void onRemoteText(Consumer<String> listener) {
    Text text = doc.getText("codemirror");
    text.observe(
        event -> {
          if (event.transaction().origin() == session) {
            listener.accept(text.toString());
          }
        });
  }

  synchronized void insert(int index, String value) {
    Text text = doc.getText("codemirror");
    text.insert(index, value);
  }

  synchronized void delete(int index, int length) {
    doc.getText("codemirror").delete(index, length);
  }

  synchronized void setPresence(String json) {
    awareness.setLocalState(json);
  }

  synchronized Map<Long, String> presences() {
    return Map.copyOf(awareness.states());
  }

  synchronized byte[] state() {
    return doc.encodeStateAsUpdate();
  }

  synchronized long clientId() {
    return doc.clientId();
  }

  /** Sends raw bytes, as a broken or hostile client would. */
  void sendRaw(byte[] message) {
    send(socket, message);
    // A hostile client does not care whether the server already hung up.
    lastSend().exceptionally(error -> null).join();
  }

  /**
   * Sends after the previous send completed: the JDK WebSocket fails a send issued while another is
   * in flight ("Send pending"), which would drop the message.
   */
  private synchronized void send(WebSocket webSocket, byte[] message) {
    ByteBuffer frame = ByteBuffer.wrap(message);
    lastSend =
        lastSend
            .exceptionally(error -> null)
            .thenCompose(previous -> webSocket.sendBinary(frame, true));
  }

  private synchronized CompletableFuture<?> lastSend() {
    return lastSend;
  }

  @Override
  public void close() {
    // The server may be gone already (killed, or it closed the socket): then just drop it.
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(error -> null);
    socket.abort();
  }
}
