package io.coderoom.server.store;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL of the document log: appending updates in batches, and reading a document back as its latest
 * snapshot plus the updates after it. Every call blocks.
 */
public final class DocumentLog {
  private final Jdbi jdbi;

  public DocumentLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * A document as stored.
   *
   * @param snapshot the latest snapshot's state, if any
   * @param updates the updates after the snapshot, in order
   * @param lastSeq the sequence number of the newest update (0 when there is none)
   * @param loggedBytes the size of every update ever logged for the document (snapshots make a
   *     reload shorter, not the log smaller, so the size limit counts this)
   */
  public record StoredDocument(
      Optional<byte[]> snapshot, List<byte[]> updates, long lastSeq, long loggedBytes) {}

  /** A row of the log: an update, or a snapshot of the document so far. */
  public sealed interface Entry permits DocumentUpdate, Snapshot {}

  /** A document's state covering its log up to {@code uptoSeq}, so a reload skips those updates. */
  public record Snapshot(String roomId, String doc, long uptoSeq, byte[] state) implements Entry {}

  /**
   * Appends updates, then stores snapshots, in one transaction. A snapshot only covers updates
   * queued before it, which are in this batch or an earlier one, so no snapshot gets ahead of its
   * log.
   */
  public void append(List<DocumentUpdate> updates, List<Snapshot> snapshots) {
    if (updates.isEmpty() && snapshots.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          insertAll(
              h,
              "INSERT INTO document_updates (room_id, doc, seq, update, author, at)"
                  + " VALUES (:roomId, :doc, :seq, :update, :author, :at)",
              updates,
              (batch, u) ->
                  batch
                      .bind("roomId", u.roomId())
                      .bind("doc", u.doc())
                      .bind("seq", u.seq())
                      .bind("update", u.update())
                      .bind("author", u.author())
                      .bind("at", Timestamp.from(u.at())));
          insertAll(
              h,
              "INSERT INTO document_snapshots (room_id, doc, upto_seq, state)"
                  + " VALUES (:roomId, :doc, :uptoSeq, :state) ON CONFLICT DO NOTHING",
              snapshots,
              (batch, snapshot) ->
                  batch
                      .bind("roomId", snapshot.roomId())
                      .bind("doc", snapshot.doc())
                      .bind("uptoSeq", snapshot.uptoSeq())
                      .bind("state", snapshot.state()));
        });
  }

  /**
   * Drops the entries of rooms that no longer exist (deleted by the retention sweep while loaded):
   * the database refuses them, and retrying them would hold up every other room's log.
   *
   * @return how many entries were dropped
   */
  int dropDeletedRooms(List<DocumentUpdate> updates, List<Snapshot> snapshots) {
    Set<String> named = new HashSet<>();
    updates.forEach(u -> named.add(u.roomId()));
    snapshots.forEach(s -> named.add(s.roomId()));
    if (named.isEmpty()) {
      return 0;
    }
    Set<String> existing =
        new HashSet<>(
            jdbi.withHandle(
                h ->
                    h.createQuery("SELECT id FROM rooms WHERE id IN (<ids>)")
                        .bindList("ids", List.copyOf(named))
                        .mapTo(String.class)
                        .list()));
    int before = updates.size() + snapshots.size();
    updates.removeIf(u -> !existing.contains(u.roomId()));
    snapshots.removeIf(s -> !existing.contains(s.roomId()));
    return before - updates.size() - snapshots.size();
  }

  /** One batched statement (a multi-row INSERT on the wire) for all of {@code rows}. */
  private static <T> void insertAll(
      Handle h, String sql, List<T> rows, BiConsumer<PreparedBatch, T> bind) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch(sql);
    for (T row : rows) {
      bind.accept(batch, row);
      batch.add();
    }
    batch.execute();
  }

  public StoredDocument load(String roomId, String doc) {
    return jdbi.withHandle(
        h -> {
          record Stored(long uptoSeq, byte[] state) {}
          Optional<Stored> snapshot =
              h.createQuery(
                      "SELECT upto_seq, state FROM document_snapshots WHERE room_id = :roomId"
                          + " AND doc = :doc ORDER BY upto_seq DESC LIMIT 1")
                  .bind("roomId", roomId)
                  .bind("doc", doc)
                  .map((rs, ctx) -> new Stored(rs.getLong(1), rs.getBytes(2)))
                  .findOne();
          long after = snapshot.map(Stored::uptoSeq).orElse(0L);
          List<byte[]> updates =
              h.createQuery(
                      "SELECT update FROM document_updates WHERE room_id = :roomId AND doc = :doc"
                          + " AND seq > :after ORDER BY seq")
                  .bind("roomId", roomId)
                  .bind("doc", doc)
                  .bind("after", after)
                  .map((rs, ctx) -> rs.getBytes(1))
                  .list();
          record Log(long lastSeq, long bytes) {}
          // octet_length reads a stored value's size from its header, without fetching it.
          Log log =
              h.createQuery(
                      "SELECT coalesce(max(seq), 0), coalesce(sum(octet_length(update)), 0)"
                          + " FROM document_updates WHERE room_id = :roomId AND doc = :doc")
                  .bind("roomId", roomId)
                  .bind("doc", doc)
                  .map((rs, ctx) -> new Log(rs.getLong(1), rs.getLong(2)))
                  .one();
          return new StoredDocument(
              snapshot.map(Stored::state), updates, Math.max(log.lastSeq(), after), log.bytes());
        });
  }

  /**
   * One logged update for playback, with who made it.
   *
   * @param seq its position in the document's log
   * @param at when the server applied it
   * @param author the audit actor ({@code token:<id>}, {@code api-key} or {@code server})
   * @param role the author's role when they came with a link, else empty
   * @param name the name on that link, else empty
   * @param update the Yjs v1 update
   */
  public record HistoryEntry(
      long seq, java.time.Instant at, String author, String role, String name, byte[] update) {}

  /** Up to {@code limit} updates of a document after {@code afterSeq}, oldest first. */
  public List<HistoryEntry> history(String roomId, String doc, long afterSeq, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.seq, u.at, u.author, coalesce(t.role, ''), coalesce(t.name, ''), u.update"
                        + " FROM document_updates u LEFT JOIN room_tokens t"
                        + " ON t.room_id = u.room_id AND u.author = 'token:' || t.id"
                        + " WHERE u.room_id = :roomId AND u.doc = :doc AND u.seq > :after"
                        + " ORDER BY u.seq LIMIT :limit")
                .bind("roomId", roomId)
                .bind("doc", doc)
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new HistoryEntry(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBytes(6)))
                .list());
  }
}
