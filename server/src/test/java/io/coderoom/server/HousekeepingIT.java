package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a starting server sweeps: runs a stopped server left {@code running} end as internal errors,
 * and rooms past the retention period go with everything in them, while rooms still in use stay.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
class HousekeepingIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;
  private static final List<String> ROOM_TABLES =
      List.of("room_tokens", "audit_log", "document_updates", "document_snapshots", "runs");

  @Test
  void aStartingServerEndsStaleRunsAndDeletesRoomsPastRetention() throws Exception {
    ServerConfig config = TestServers.config();
    String old;
    String recent;
    String oldButInUse;
    try (CoderoomServer first = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(first.baseUri());
      old = createRoom(http, "{\"title\":\"Old\",\"language\":\"go\",\"starterCode\":\"x\"}");
      recent = createRoom(http, "{\"title\":\"Recent\",\"language\":\"go\"}");
      oldButInUse = createRoom(http, "{\"title\":\"Still used\",\"language\":\"go\"}");
    }
    try (Connection db = connect(config)) {
      for (String room : List.of(old, oldButInUse)) {
        insertRun(db, room, "run-" + room, "now() - interval '100 days'");
        execute(
            db,
            "INSERT INTO document_snapshots (room_id, doc, upto_seq, state) VALUES (?, 'code', 1,"
                + " '\\x0000')",
            room);
        execute(db, "UPDATE rooms SET created_at = now() - interval '100 days' WHERE id = ?", room);
        execute(
            db, "UPDATE audit_log SET at = now() - interval '100 days' WHERE room_id = ?", room);
        execute(
            db,
            "UPDATE document_updates SET at = now() - interval '100 days' WHERE room_id = ?",
            room);
      }
      execute(
          db,
          "INSERT INTO audit_log (room_id, actor, action) VALUES (?, 'api-key', 'joined')",
          oldButInUse);
      insertRun(db, recent, "stale-" + recent, "now() - interval '10 minutes'");
      insertRun(db, recent, "live-" + recent, "now()");
      assertThat(rowsOf(db, old)).allMatch(count -> count > 0);
    }

    ServerConfig keepThirtyDays = config.with(c -> c.retention = Duration.ofDays(30));
    try (CoderoomServer second = TestServers.start(keepThirtyDays, InMemorySpanExporter.create());
        Connection db = connect(config)) {
      Http http = new Http(second.baseUri());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> http.get("/api/rooms/" + old, "Authorization", KEY).statusCode() == 404);
      assertThat(rowsOf(db, old)).containsOnly(0L);
      assertThat(http.get("/api/rooms/" + recent, "Authorization", KEY).statusCode())
          .isEqualTo(200);
      assertThat(http.get("/api/rooms/" + oldButInUse, "Authorization", KEY).statusCode())
          .isEqualTo(200);

      JsonNode stale = run(http, recent, "stale-" + recent);
      assertThat(stale.path("status").asText()).isEqualTo("internal_error");
      assertThat(stale.path("message").asText())
          .isEqualTo(
              "The server stopped while the run was in progress, so its result was lost;"
                  + " run it again.");
      assertThat(run(http, recent, "live-" + recent).path("status").asText()).isEqualTo("running");
    }
  }

  private static JsonNode run(Http http, String roomId, String runId) throws Exception {
    HttpResponse<String> response =
        http.get("/api/rooms/" + roomId + "/runs/" + runId, "Authorization", KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private static String createRoom(Http http, String body) throws Exception {
    HttpResponse<String> response = http.post("/api/rooms", body, "Authorization", KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Http.json(response).path("id").asText();
  }

  private static Connection connect(ServerConfig config) throws Exception {
    return DriverManager.getConnection(
        config.databaseUrl(), config.databaseUser(), config.databasePassword());
  }

  private static void insertRun(Connection db, String roomId, String runId, String createdAt)
      throws Exception {
    execute(
        db,
        "INSERT INTO runs (id, room_id, requested_by, role, language, mode, code, created_at)"
            + " VALUES (?, ?, 'api-key', 'interviewer', 'go', 'run', 'package main', "
            + createdAt
            + ")",
        runId,
        roomId);
  }

  private static void execute(Connection db, String sql, String... values) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  /** The room's rows in each table that hangs off it, the room itself last. */
  private static List<Long> rowsOf(Connection db, String roomId) throws Exception {
    List<Long> counts = new java.util.ArrayList<>();
    for (String table : ROOM_TABLES) {
      counts.add(count(db, "SELECT count(*) FROM " + table + " WHERE room_id = ?", roomId));
    }
    counts.add(count(db, "SELECT count(*) FROM rooms WHERE id = ?", roomId));
    return counts;
  }

  private static long count(Connection db, String sql, String roomId) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, roomId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
