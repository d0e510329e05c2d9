package io.coderoom.loadtest;

import io.coderoom.crdt.Delta;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Text;
import io.coderoom.crdt.sync.Message;
import io.coderoom.crdt.sync.ProtocolException;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.crdt.sync.SyncSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;

/**
 * One simulated editor: a y-websocket client (JDK WebSocket + the crdt module) that types
 * timestamped markers and records, for every marker another client typed, how long it took to
 * arrive. All clients run in one JVM, so their nanosecond clocks agree.
 */
final class LoadClient implements WebSocket.Listener {
  private static final Pattern MARKER = Pattern.compile("<(\\d+)>");

  /** Keeps documents small: past this length each edit also deletes from the start. */
  private static final int MAX_LENGTH = 4000;

  private final Doc doc = new Doc();
  private final Text text = doc.getText("codemirror");

  /** The client side of the sync protocol; remote changes carry it as their origin. */
  private final SyncSession session = SyncSession.of(doc);

  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final CompletableFuture<Void> synced = new CompletableFuture<>();
  private final Recorder latency;
  private final AtomicLong errors;
  private WebSocket socket;

  private final Framing framing;
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

  LoadClient(Recorder latency, AtomicLong errors, Framing framing) {
    this.latency = latency;
    this.errors = errors;
    this.framing = framing;
    text.observe(
        event -> {
          if (event.transaction().origin() != session) {
            return;
          }
          long now = System.nanoTime();
          for (Delta delta : event.delta()) {
            if (delta.insert() instanceof String inserted) {
              recordMarkers(inserted, now, latency::recordValue);
            }
          }
        });
  }

  private static void recordMarkers(String inserted, long now, LongConsumer record) {
    Matcher markers = MARKER.matcher(inserted);
    while (markers.find()) {
      record.accept(Math.max(0, now - Long.parseLong(markers.group(1))));
    }
  }

  CompletableFuture<Void> connect(HttpClient http, URI uri) {
    return http.newWebSocketBuilder()
        .buildAsync(uri, this)
        .thenAccept(ws -> socket = ws)
        .thenCompose(ignored -> synced);
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
      for (byte[] hello : framing.hello()) {
        lastSend =
            lastSend.thenCompose(previous -> webSocket.sendBinary(ByteBuffer.wrap(hello), true));
      }
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
      receive(webSocket, message);
    }
    webSocket.request(1);
    return null;
  }

  /**
   * Sends after the previous send completed: the JDK WebSocket fails a send issued while another is
   * in flight ("Send pending"), which would drop the message.
   */
  private synchronized void send(WebSocket webSocket, byte[] message) {
    ByteBuffer frame = ByteBuffer.wrap(framing.wrap(message));
    lastSend =
        lastSend
            .exceptionally(error -> null)
            .thenCompose(previous -> webSocket.sendBinary(frame, true))
            .whenComplete(
                (sent, error) -> {
                  if (error != null) {
                    errors.incrementAndGet();
                  }
                });
  }

  private synchronized void receive(WebSocket webSocket, byte[] frame) {
    try {
      byte[] message = framing.unwrap(frame).orElse(null);
      if (message != null && SyncProtocol.decode(message) instanceof Message.Sync sync) {
        for (byte[] reply : session.receive(sync.message()).replies()) {
          send(webSocket, reply);
        }
        if (session.synced()) {
          synced.complete(null);
        }
      }
    } catch (ProtocolException | RuntimeException e) {
      errors.incrementAndGet();
    }
  }

  /** Types one timestamped marker at a random place (and trims the document when it is long). */
  synchronized void edit(int randomPosition) {
    int length = text.length();
    if (length > MAX_LENGTH) {
      text.delete(0, findMarkerBoundary(length - MAX_LENGTH / 2));
      length = text.length();
    }
    text.insert(markerSafe(randomPosition % (length + 1)), "<" + System.nanoTime() + ">");
  }

  /** Deleting up to just after a '>' never cuts a marker in half. */
  private int findMarkerBoundary(int from) {
    int end = text.toString().indexOf('>', from);
    return end < 0 ? text.length() : end + 1;
  }

  /** A position between markers, so inserts never split one. */
  private int markerSafe(int index) {
    String current = text.toString();
    int open = current.lastIndexOf('<', index - 1);
    int close = current.lastIndexOf('>', index - 1);
    return open > close ? current.indexOf('>', open) + 1 : index;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    errors.incrementAndGet();
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    errors.incrementAndGet();
    synced.completeExceptionally(error);
  }

  void close() {
    if (socket != null) {
      socket.abort();
    }
  }
}
