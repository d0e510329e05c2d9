package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Text;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 32 MiB limit of a document counts every update it ever logged: at the limit inserts are
 * refused and deletions accepted, and reloading the room (from a snapshot that no longer holds the
 * deleted text) does not reset it.
 */
@ExtendWith(NettyLeakGuard.class)
// Filling a document to its 32 MiB cap over the socket takes up to FILL_WAIT.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DocumentCapIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** 32 MiB through one socket and into PostgreSQL: generous, for a machine under load. */
  private static final Duration FILL_WAIT = Duration.ofMinutes(3);

  private static final int CHUNK = 900_000;

  private ServerConfig config;
  private CoderoomServer server;
  private String roomId;
  private String token;

  @BeforeEach
  void start() throws Exception {
    config = TestServers.config().with(c -> c.roomIdleUnload = Duration.ofSeconds(1));
    server = TestServers.start(config, InMemorySpanExporter.create());
    JsonNode room =
        Http.json(
            new Http(server.baseUri())
                .post(
                    "/api/rooms",
                    "{\"title\":\"Cap\",\"language\":\"python\"}",
                    "Authorization",
                    "Bearer " + TestServers.API_KEY));
    roomId = room.path("id").asText();
    String url = room.path("links").path("interviewer").path("url").asText();
    token = url.substring(url.indexOf("#token=") + 7);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void atTheLimitOnlyDeletionsAreAcceptedAndAReloadKeepsTheLimit() throws Exception {
    long updates = 0;
    try (YClient editor = connect()) {
      editor.insert(0, "keep this line\n");
      updates++;
      // Nearly 32 MiB of changes that leave nothing behind: each chunk is typed, then deleted.
      for (int i = 0; i < 37; i++) {
        editor.insert(15, "x".repeat(CHUNK));
        editor.delete(15, CHUNK);
        updates += 2;
      }
      awaitLogged(editor, updates);
      // Then enough small edits for a snapshot, so a reload starts from one that holds none of it.
      for (int i = 0; i < (SharedDocument.SNAPSHOT_EVERY + 1) / 2; i++) {
        editor.insert(15, "y");
        editor.delete(15, 1);
        updates += 2;
        Thread.sleep(15); // two messages: under the socket's 200 messages a second
      }
      long expected = updates;
      awaitLogged(editor, expected);
      assertThat(snapshots()).isPositive();

      // One last update fills the document to its limit exactly.
      long remaining = SharedDocument.MAX_DOCUMENT_BYTES - loggedBytes();
      assertThat(remaining).as("fits one message").isBetween(1L, 1L << 19);
      byte[] fill = insertOfSize(editor.state(), remaining);
      editor.sendRaw(SyncProtocol.update(fill));
      await().atMost(WAIT).untilAsserted(() -> assertThat(lastSeq()).isEqualTo(expected + 1));
      assertThat(loggedBytes()).isBetween(SharedDocument.MAX_DOCUMENT_BYTES - 8, 1L << 25);
    }

    assertInsertRefused("more");
    try (YClient deleter = connect()) {
      deleter.delete(0, "keep ".length());
      await().atMost(WAIT).until(() -> serverText().startsWith("this line\n"));
      assertThat(deleter.denials).isEmpty();
    }

    awaitUnloaded();
    assertInsertRefused("after the reload");
    try (YClient deleter = connect()) {
      deleter.delete(0, "this ".length());
      await().atMost(WAIT).until(() -> serverText().startsWith("line\n"));
      assertThat(deleter.denials).isEmpty();
    }
  }

  private void awaitLogged(YClient editor, long updates) {
    await()
        .atMost(FILL_WAIT)
        .untilAsserted(
            () ->
                assertThat(lastSeq())
                    .as("logged updates (socket closed: %s)", editor.closed.getNow(null))
                    .isEqualTo(updates));
  }

  private void assertInsertRefused(String text) throws Exception {
    try (YClient writer = connect()) {
      writer.insert(0, text);
      await().atMost(WAIT).until(() -> !writer.denials.isEmpty());
      assertThat(writer.denials)
          .containsExactly(
              "The document has reached its limit of 32 MiB of changes;"
                  + " only deletions are accepted now.");
    }
    assertThat(serverText()).doesNotContain(text);
  }

  /** An update inserting text at the end whose encoding is {@code size} bytes (or just under). */
  private static byte[] insertOfSize(byte[] state, long size) throws Exception {
    long length = size - 40;
    byte[] update = new byte[0];
    for (int attempt = 0; attempt < 10; attempt++) {
      update = insert(state, (int) length);
      if (update.length == size) {
        return update;
      }
      length += size - update.length;
    }
    assertThat(update.length).isBetween((int) size - 8, (int) size);
    return update;
  }

  private static byte[] insert(byte[] state, int length) throws Exception {
    Doc doc = new Doc();
    doc.applyUpdate(state);
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((update, origin, transaction) -> updates.add(update));
    Text text = doc.getText("codemirror");
    text.insert(text.length(), "z".repeat(length));
    return updates.get(0);
  }

  private YClient connect() throws Exception {
    YClient client = YClient.connect(server.baseUri(), roomId, "code", token);
    client.awaitSynced();
    return client;
  }

  private String serverText() throws Exception {
    try (YClient reader = connect()) {
      return reader.text();
    }
  }

  private void awaitUnloaded() {
    Http http = new Http(server.baseUri());
    Pattern loaded = Pattern.compile("coderoom_rooms_loaded\\{[^}]*} ([0-9.E]+)");
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Matcher m = loaded.matcher(http.get("/metrics").body());
              return m.find() && Double.parseDouble(m.group(1)) == 0;
            });
  }

  private long lastSeq() throws Exception {
    return number("SELECT coalesce(max(seq), 0) FROM document_updates WHERE room_id = ?");
  }

  private long loggedBytes() throws Exception {
    return number(
        "SELECT coalesce(sum(octet_length(update)), 0) FROM document_updates WHERE room_id = ?");
  }

  private long snapshots() throws Exception {
    return number("SELECT count(*) FROM document_snapshots WHERE room_id = ?");
  }

  private long number(String sql) throws Exception {
    try (var connection =
            DriverManager.getConnection(
                config.databaseUrl(), config.databaseUser(), config.databasePassword());
        var query = connection.prepareStatement(sql)) {
      query.setString(1, roomId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
