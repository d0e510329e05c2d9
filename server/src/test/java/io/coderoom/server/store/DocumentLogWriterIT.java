package io.coderoom.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.room.Ids;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
      ListAppender<ILoggingEvent> logs = new ListAppender<>();
      Logger logger = (Logger) LoggerFactory.getLogger(DocumentLogWriter.class);
      logs.start();
      logger.addAppender(logs);
      try (DocumentLogWriter writer =
          new DocumentLogWriter(new DocumentLog(database.jdbi()), roomId -> true)) {
        writer.append(
            new DocumentUpdate(
                deleted,
                "code",
                1,
                "candidate's code".getBytes(StandardCharsets.UTF_8),
                "test",
                Instant.now()));
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
        // The refused batch is logged without its rows: they are candidates' code.
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty();
        assertThat(logs.list)
            .extracting(ILoggingEvent::getFormattedMessage)
            .noneMatch(line -> line.contains(HexFormat.of().formatHex("candidate".getBytes())));
      } finally {
        logger.detachAppender(logs);
        database.jdbi().useHandle(h -> h.execute("DELETE FROM rooms WHERE id = ?", kept));
      }
    }
  }

  private static DocumentUpdate update(String roomId, long seq) {
    return new DocumentUpdate(roomId, "code", seq, new byte[] {0, 0}, "test", Instant.now());
  }
}
