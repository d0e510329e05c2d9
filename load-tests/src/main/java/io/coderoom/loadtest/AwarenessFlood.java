package io.coderoom.loadtest;

import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.sync.Message;
import io.coderoom.crdt.sync.ProtocolException;
import io.coderoom.crdt.sync.SyncProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The awareness flood an observer could send: messages of tens of thousands of new client ids with
 * null states, each from a fresh observer socket of one room. Prints the server's retained heap
 * (after a full collection, read with jcmd) before and after, and how many messages the server
 * refused.
 */
@Command(
    name = "awareness-flood",
    mixinStandardHelpOptions = true,
    description = "Floods a running Coderoom server's awareness and prints its retained heap.")
public final class AwarenessFlood implements Callable<Integer> {
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)([KMG])");

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "Coderoom's base URL (loopback only). Default: ${DEFAULT-VALUE}")
  URI url;

  @Option(
      names = "--api-key",
      defaultValue = "${env:CODEROOM_API_KEY}",
      description = "Coderoom API key (default: $CODEROOM_API_KEY).")
  String apiKey;

  @Option(
      names = "--server-pid",
      required = true,
      description = "The server's pid, for its heap (jcmd GC.run, then GC.heap_info).")
  long serverPid;

  @Option(
      names = "--messages",
      defaultValue = "20",
      description = "Flood messages, each from a fresh observer socket. Default: ${DEFAULT-VALUE}")
  int messages;

  @Option(
      names = "--clients",
      defaultValue = "95000",
      description =
          "New client ids per message (95,000 is about 850 KB). Default: ${DEFAULT-VALUE}")
  int clients;

  @Override
  public Integer call() throws Exception {
    LoopbackTarget.require(url);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    CoderoomRoom room =
        CoderoomRoom.create(http, url, apiKey, "awareness flood", "python", "observer");
    flood(http, room, -1); // the paths measured below, warmed up
    long before = retainedHeap();
    int refused = 0;
    for (int round = 0; round < messages; round++) {
      refused += flood(http, room, round) ? 1 : 0;
    }
    long after = retainedHeap();
    System.out.printf(
        "flood         %d messages of %d new client ids (%d KB each), one observer socket each%n",
        messages, clients, update(0).length / 1024);
    System.out.printf("refused       %d of %d%n", refused, messages);
    System.out.printf(
        "retained heap %.1f MB before, %.1f MB after (%+.1f MB)%n",
        before / 1e6, after / 1e6, (after - before) / 1e6);
    return 0;
  }

  /**
   * Sends one flood message from a fresh observer socket, then a state of its own, and waits until
   * the server echoes that state (so it has handled the flood) or closes the socket. True when the
   * server refused the flood.
   */
  private boolean flood(HttpClient http, CoderoomRoom room, int round) throws Exception {
    Listener listener = new Listener();
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(room.socket("code"), listener)
            .get(10, TimeUnit.SECONDS);
    try {
      long own = 4_000_000_000L - round - 1;
      socket.sendBinary(ByteBuffer.wrap(SyncProtocol.awareness(update(round))), true).join();
      Lib0Writer marker = new Lib0Writer();
      marker.writeVarUint(1);
      marker.writeVarUint(own);
      marker.writeVarUint(1);
      marker.writeVarString("{\"round\":" + round + "}");
      listener.echoOf = own;
      socket.sendBinary(ByteBuffer.wrap(SyncProtocol.awareness(marker.toByteArray())), true).join();
      CompletableFuture.anyOf(listener.echoed, listener.closed).get(30, TimeUnit.SECONDS);
      return listener.denied.get() > 0;
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(error -> null);
      socket.abort();
    }
  }

  /** An awareness update with {@link #clients} new client ids and null states. */
  private byte[] update(int round) {
    Lib0Writer update = new Lib0Writer();
    update.writeVarUint(clients);
    long first = 1_000_000L + (round + 1L) * clients;
    for (long client = first; client < first + clients; client++) {
      update.writeVarUint(client);
      update.writeVarUint(1);
      update.writeVarString("null");
    }
    return update.toByteArray();
  }

  private long retainedHeap() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher used = HEAP_USED.matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap use in jcmd's answer: " + info);
    }
    long value = Long.parseLong(used.group(1));
    return switch (used.group(2)) {
      case "K" -> value << 10;
      case "M" -> value << 20;
      default -> value << 30;
    };
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(serverPid), command)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + output);
    }
    return output;
  }

  /** Collects permission-denied messages and notices the echo of the socket's own state. */
  private static final class Listener implements WebSocket.Listener {
    final CompletableFuture<Void> echoed = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final AtomicInteger denied = new AtomicInteger();
    volatile long echoOf = -1;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      partial.writeBytes(chunk);
      if (last) {
        handle(partial.toByteArray());
        partial.reset();
      }
      socket.request(1);
      return null;
    }

    private void handle(byte[] frame) {
      try {
        switch (SyncProtocol.decode(frame)) {
          case Message.PermissionDenied refusal -> denied.incrementAndGet();
          case Message.AwarenessUpdate update -> {
            if (mentions(update.update(), echoOf)) {
              echoed.complete(null);
            }
          }
          case Message.Sync sync -> {}
          case Message.QueryAwareness query -> {}
        }
      } catch (ProtocolException e) {
        closed.completeExceptionally(e);
      }
    }

    /** Whether an awareness update carries a state of this client. */
    private static boolean mentions(byte[] update, long client) {
      Lib0Reader reader = new Lib0Reader(update);
      long count = reader.readVarUint();
      for (long i = 0; i < count; i++) {
        long id = reader.readVarUint();
        reader.readVarUint();
        reader.readVarString();
        if (id == client) {
          return true;
        }
      }
      return false;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
      closed.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.complete(null);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new AwarenessFlood()).execute(args));
  }
}
