package io.coderoom.server.store;

import static org.awaitility.Awaitility.await;

import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.room.Ids;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The document log keeps writing when a loaded room is deleted under it. */
class DocumentLogWriterIT {
  @Test
  void updatesOfADeletedRoomDoNotHoldUpOtherRooms() {
    ServerConfig config = TestServers.config();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Database database =
            Database.open(
                config.databaseUrl(),
                config.databaseUser(),
                config.databasePassword(),
                Duration.ofSeconds(10),
                new SimpleMeterRegistry(),
                executor)) {
      String kept = Ids.random();
      String deleted = Ids.random();
      database
          .jdbi()
          .useHandle(
              h -> {
                h.execute("INSERT INTO rooms (id, title, language) VALUES (?, 'kept', 'go')", kept);
                h.execute(
                    "INSERT INTO rooms (id, title, language) VALUES (?, 'deleted', 'go')", deleted);
                h.execute("DELETE FROM rooms WHERE id = ?", deleted);
              });
      try (DocumentLogWriter writer = new DocumentLogWriter(new DocumentLog(database.jdbi()))) {
        writer.append(update(deleted, 1));
        writer.append(update(kept, 1));
        writer.snapshot(deleted, "code", 1, new byte[] {0, 0});
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.pending() == 0);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    database
                            .jdbi()
                            .withHandle(
                                h ->
                                    h.createQuery(
                                            "SELECT count(*) FROM document_updates"
                                                + " WHERE room_id = :id")
                                        .bind("id", kept)
                                        .mapTo(Long.class)
                                        .one())
                        == 1);
        writer.append(update(kept, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 2);
      } finally {
        database.jdbi().useHandle(h -> h.execute("DELETE FROM rooms WHERE id = ?", kept));
      }
    }
  }

  private static DocumentUpdate update(String roomId, long seq) {
    return new DocumentUpdate(roomId, "code", seq, new byte[] {0, 0}, "test", Instant.now());
  }
}
