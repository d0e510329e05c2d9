package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Text;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits of server/CONTROL-PROTOCOL.md a socket meets: 20 commands a second on a control
 * socket, 1 MiB per message (1009), 4 MiB of updates waiting for changes that never come (1008),
 * and a peer that stops answering pings (1001). Each closes or refuses only the socket that crossed
 * it; everyone else carries on. The server pings after 2 s of silence instead of 20, so a silent
 * peer is closed within seconds.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SocketLimitsIT {
  private static final Duration PING = Duration.ofSeconds(2);
  private static final int MIB = 1 << 20;

  private static CoderoomServer server;

  @BeforeAll
  static void start() throws Exception {
    ServerConfig config = TestServers.config().with(c -> c.webSocketPing = PING);
    server = TestServers.start(config, InMemorySpanExporter.create());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void commandsPastTwentyASecondAreRefusedUntilTheSecondHasPassed() throws Exception {
    TestRoom room = TestRoom.create(server.baseUri(), "Throttle");
    try (RoomConsoles consoles = RoomConsoles.open(room)) {
      ControlClient host = consoles.host();
      long sending = System.nanoTime();
      for (int i = 0; i < CommandRateLimit.PER_SECOND; i++) {
        host.send("{\"type\":\"ping\"}");
      }
      // The 21st, a command everyone would see if it ran.
      host.send("{\"type\":\"set_language\",\"language\":\"go\"}");
      assertThat(System.nanoTime() - sending)
          .as("the burst fits in the one-second window")
          .isLessThan(TimeUnit.MILLISECONDS.toNanos(900));
      // Twenty answers and one refusal. Pongs come from the room's event loop and the refusal
      // from the socket's, so the refusal may overtake pongs still on their way.
      List<String> answers = new ArrayList<>();
      for (int i = 0; i <= CommandRateLimit.PER_SECOND; i++) {
        JsonNode answer = host.next(Duration.ofSeconds(10));
        if (answer.path("type").asText().equals("error")) {
          // The wait left in the window the burst opened (it began after `sending`).
          long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sending);
          assertThat(answer.path("retryAfterMs").asLong(-1))
              .as(answer.toString())
              .isBetween(Math.max(1, 1000 - elapsedMs), 1000L);
        }
        answers.add(
            answer.path("type").asText().equals("error")
                ? answer.path("code").asText() + ": " + answer.path("message").asText()
                : answer.path("type").asText());
      }
      assertThat(answers)
          .containsOnly("pong", "rate_limited: Too many commands; slow down.")
          .containsOnlyOnce("rate_limited: Too many commands; slow down.");

      // Another participant's socket has its own allowance.
      consoles.guest().send("{\"type\":\"ping\"}");
      expect(consoles.guest(), "pong");

      // Refused until the second has passed, each refusal saying how long is left of it; once
      // that wait has passed, the socket's commands work again.
      host.send("{\"type\":\"ping\"}");
      JsonNode refused = host.next(Duration.ofSeconds(10));
      assertThat(refused.path("code").asText()).as(refused.toString()).isEqualTo("rate_limited");
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sending);
      long retryAfterMs = refused.path("retryAfterMs").asLong(-1);
      assertThat(retryAfterMs).isBetween(Math.max(1, 1000 - elapsedMs), 1000L);
      Thread.sleep(retryAfterMs); // the wait the server announced, which is what is tested
      host.send("{\"type\":\"ping\"}");
      expect(host, "pong");
      assertThat(System.nanoTime() - sending).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1000));
      host.send("{\"type\":\"set_language\",\"language\":\"java\"}");
      // Everyone's next event is this change: the refused one never ran.
      for (ControlClient client : consoles.all()) {
        assertThat(expect(client, "language_changed").path("language").asText()).isEqualTo("java");
      }
    }
  }

  @Test
  void aMessageOverOneMebibyteClosesItsSocketWith1009AndOneOfExactlyOneIsTaken() throws Exception {
    TestRoom room = TestRoom.create(server.baseUri(), "Big messages");
    try (YClient writer = room.code(room.interviewer());
        YClient reader = room.code(room.observer())) {
      writer.awaitSynced();
      reader.awaitSynced();
      byte[] exactlyOne = insertMessageOfSize(reader.state(), MIB, 'a');
      writer.sendRaw(exactlyOne);
      await().atMost(Duration.ofSeconds(30)).until(() -> reader.text().length() > MIB - 100);
      assertThat(writer.closed).isNotDone();

      writer.sendRaw(insertMessageOfSize(reader.state(), MIB + 1, 'b'));
      YClient.Close close = writer.closed.get(10, TimeUnit.SECONDS);
      assertThat(close.code()).as(close.toString()).isEqualTo(1009);
      // One frame over the limit is refused by Netty's frame decoder, in its words.
      assertThat(close.reason()).isEqualTo("Max frame length of 1048576 has been exceeded.");

      // Split into frames under the limit, the message is still over it.
      try (RawWebSocket raw =
          RawWebSocket.open(
              server.baseUri(),
              "/ws/rooms/" + room.id() + "/code?token=" + room.interviewer().token())) {
        byte[] message = insertMessageOfSize(reader.state(), MIB + 1, 'c');
        int half = message.length / 2;
        raw.send(RawWebSocket.BINARY, java.util.Arrays.copyOfRange(message, 0, half), false);
        raw.send(
            RawWebSocket.CONTINUATION,
            java.util.Arrays.copyOfRange(message, half, message.length),
            true);
        RawWebSocket.Frame closing = closeFrameOf(raw);
        assertThat(closing.closeCode()).isEqualTo(1009);
        assertThat(closing.closeReason()).isEqualTo("Messages are limited to 1 MiB.");
      }

      // The control socket has the same limit.
      ControlClient control = room.control(room.candidate());
      expect(control, "welcome");
      control.send("{\"type\":\"ping\",\"pad\":\"" + "p".repeat(MIB) + "\"}");
      YClient.Close controlClose = control.awaitClose();
      assertThat(controlClose.code()).isEqualTo(1009);
      assertThat(controlClose.reason()).isEqualTo("Messages are limited to 1 MiB.");

      // Nothing of the refused messages reached the document; it still takes edits.
      try (YClient after = room.code(room.interviewer())) {
        after.awaitSynced();
        assertThat(after.text()).doesNotContain("b").doesNotContain("c");
        after.insert(0, "still here\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.text().startsWith("still here"));
      }
    }
  }

  @Test
  void updatesWaitingPastFourMebibytesForChangesThatNeverComeCloseTheirSocketWith1008()
      throws Exception {
    TestRoom room = TestRoom.create(server.baseUri(), "Pending", "shared\n");
    try (YClient hostile = room.code(room.interviewer());
        YClient honest = room.code(room.candidate());
        YClient reader = room.code(room.observer())) {
      hostile.awaitSynced();
      honest.awaitSynced();
      reader.awaitSynced();

      // Updates of a client whose first change is never sent: each waits for it.
      Doc detached = new Doc();
      detached.applyUpdate(hostile.state());
      Text text = detached.getText("codemirror");
      text.insert(0, "never sent ");
      List<byte[]> waiting = new ArrayList<>();
      detached.onUpdate((update, origin, transaction) -> waiting.add(update));
      for (int i = 0; i < 6; i++) {
        text.insert(text.length(), "w".repeat(900_000));
      }
      long sent = 0;
      for (byte[] update : waiting) {
        if (hostile.closed.isDone()) {
          break;
        }
        hostile.sendRaw(SyncProtocol.update(update));
        sent += update.length;
        if (sent <= 4 * MIB) {
          // Under the cap the socket stays open: the server asks it for what is missing.
          int before = hostile.syncMessages.get();
          await().atMost(Duration.ofSeconds(20)).until(() -> hostile.syncMessages.get() > before);
        }
      }
      YClient.Close close = hostile.closed.get(20, TimeUnit.SECONDS);
      assertThat(close.code()).as(close.toString()).isEqualTo(1008);
      assertThat(close.reason())
          .isEqualTo("Updates keep arriving without the changes they depend on.");
      assertThat(sent).isGreaterThan(4L * MIB);

      // The others never saw any of it, and go on editing without being closed themselves.
      honest.insert(0, "after ");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(reader.text())
                      .as("honest socket: %s", honest.closed.getNow(null))
                      .isEqualTo("after shared\n"));
      honest.insert(honest.text().length(), "more");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(reader.text())
                      .as("honest socket: %s", honest.closed.getNow(null))
                      .isEqualTo("after shared\nmore"));
      assertThat(honest.closed).isNotDone();
      assertThat(reader.closed).isNotDone();
      try (YClient late = room.code(room.interviewer())) {
        late.awaitSynced();
        assertThat(late.text()).isEqualTo("after shared\nmore");
      }
    }
  }

  @Test
  void aPeerThatStopsAnsweringPingsIsClosedAfterASecondSilentInterval() throws Exception {
    TestRoom room = TestRoom.create(server.baseUri(), "Pings");
    String path = "/ws/rooms/" + room.id() + "/control?token=" + room.observer().token();
    try (RawWebSocket silent = RawWebSocket.open(server.baseUri(), path);
        Answering answering = new Answering(RawWebSocket.open(server.baseUri(), path))) {
      long opened = System.nanoTime();
      RawWebSocket.Frame welcome = silent.next(Duration.ofSeconds(10)).orElseThrow();
      assertThat(welcome.opcode()).isEqualTo(RawWebSocket.TEXT);
      assertThat(welcome.text()).contains("\"type\":\"welcome\"");

      RawWebSocket.Frame ping = silent.next(PING.multipliedBy(5)).orElseThrow();
      assertThat(ping.opcode()).as("a ping after a silent interval").isEqualTo(RawWebSocket.PING);
      assertThat(ping.atNanos() - opened)
          .as("not before the interval")
          .isGreaterThanOrEqualTo(PING.minusMillis(300).toNanos());

      RawWebSocket.Frame close = silent.next(PING.multipliedBy(5)).orElseThrow();
      assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
      assertThat(close.closeCode()).isEqualTo(1001);
      assertThat(close.closeReason()).isEqualTo("No answer to pings; reconnect.");
      assertThat(close.atNanos() - ping.atNanos())
          .as("a second silent interval after the ping")
          .isGreaterThanOrEqualTo(PING.minusMillis(300).toNanos());

      // A peer that answers pings stays, however long it says nothing else.
      await().atMost(PING.multipliedBy(8)).until(() -> answering.pings.get() >= 3);
      assertThat(answering.closes).isEmpty();
      answering.socket.sendText("{\"type\":\"ping\"}");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> answering.texts.stream().anyMatch(text -> text.contains("\"pong\"")));
      assertThat(answering.closes).isEmpty();
    }
  }

  /** A raw socket whose reader answers every ping with a pong, and nothing else. */
  private static final class Answering implements AutoCloseable {
    final RawWebSocket socket;
    final java.util.concurrent.atomic.AtomicInteger pings =
        new java.util.concurrent.atomic.AtomicInteger();
    final List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Integer> closes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread reader;

    Answering(RawWebSocket socket) {
      this.socket = socket;
      this.reader = Thread.ofVirtual().start(this::read);
    }

    private void read() {
      try {
        while (true) {
          Optional<RawWebSocket.Frame> next = socket.next(Duration.ofMinutes(1));
          if (next.isEmpty()) {
            closes.add(-1);
            return;
          }
          RawWebSocket.Frame frame = next.get();
          switch (frame.opcode()) {
            case RawWebSocket.PING -> {
              socket.send(RawWebSocket.PONG, frame.payload(), true);
              pings.incrementAndGet();
            }
            case RawWebSocket.TEXT -> texts.add(frame.text());
            case RawWebSocket.CLOSE -> {
              closes.add(frame.closeCode());
              return;
            }
            default -> {}
          }
        }
      } catch (java.io.IOException e) {
        closes.add(-2);
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
      reader.join(Duration.ofSeconds(5));
    }
  }

  /** The close frame the server sends next, skipping the frames it sent before. */
  private static RawWebSocket.Frame closeFrameOf(RawWebSocket raw) throws Exception {
    while (true) {
      Optional<RawWebSocket.Frame> frame = raw.next(Duration.ofSeconds(10));
      assertThat(frame).as("a close frame before the connection ends").isPresent();
      if (frame.get().opcode() == RawWebSocket.CLOSE) {
        return frame.get();
      }
    }
  }

  /**
   * A y-websocket update message of exactly {@code size} bytes that inserts text at the start of a
   * document in {@code state}, from a client id of its own.
   */
  private static byte[] insertMessageOfSize(byte[] state, int size, char fill) throws Exception {
    int length = size - 64;
    for (int attempt = 0; attempt < 4; attempt++) {
      byte[] message = SyncProtocol.update(insert(state, length, fill));
      if (message.length == size) {
        return message;
      }
      length += size - message.length;
    }
    throw new AssertionError("no message of exactly " + size + " bytes");
  }

  private static byte[] insert(byte[] state, int length, char fill) throws Exception {
    Doc doc = Doc.builder().clientId(4242).build();
    doc.applyUpdate(state);
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((update, origin, transaction) -> updates.add(update));
    doc.getText("codemirror").insert(0, String.valueOf(fill).repeat(length));
    return updates.get(0);
  }
}
