package io.coderoom.server.web;

import io.coderoom.server.ServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows each table holds for one room, read from PostgreSQL directly: what the browser
 * scenarios ask (through BrowserIT's control server) to see that a deleted room left nothing but
 * its tombstone.
 */
final class StoredRoomRows {
  /** Each table that stores something of a room, with the condition naming it. */
  private static final List<String> TABLES =
      List.of(
          "rooms WHERE id = ?",
          "room_tokens WHERE room_id = ?",
          "audit_log WHERE room_id = ?",
          "document_updates WHERE room_id = ?",
          "document_snapshots WHERE room_id = ?",
          "runs WHERE room_id = ?",
          "room_consents WHERE room_id = ?",
          "room_tombstones WHERE room_id = ?");

  private StoredRoomRows() {}

  /** Rows per table (named by its first word) for the room. */
  static Map<String, Integer> of(ServerConfig config, String roomId) throws SQLException {
    Map<String, Integer> rows = new LinkedHashMap<>();
    try (Connection connection =
        DriverManager.getConnection(
            config.databaseUrl(), config.databaseUser(), config.databasePassword())) {
      for (String table : TABLES) {
        try (PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM " + table)) {
          statement.setString(1, roomId);
          try (ResultSet result = statement.executeQuery()) {
            result.next();
            rows.put(table.substring(0, table.indexOf(' ')), result.getInt(1));
          }
        }
      }
    }
    return rows;
  }
}
