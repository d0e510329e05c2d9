package io.coderoom.server.store;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes rooms once they are older than the retention period and nothing happened in them for that
 * long, with everything stored in them (links, documents and their update logs, runs, the audit
 * log: every table cascades from {@code rooms}). A room someone still uses is kept even when it was
 * created long ago: deleting it would lose their work, and its updates could no longer be logged.
 * Activity is any audit entry (joins, leaves, links, changes), any run and any document update. It
 * blocks: run it off the event loops.
 */
public final class Retention implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** How often the sweep runs after the first one at start. */
  public static final Duration EVERY = Duration.ofDays(1);

  /** Rooms deleted per transaction, so a large sweep never holds long locks. */
  private static final int BATCH = 100;

  /** Rooms past the period, by id; the same conditions are checked again as each is deleted. */
  private static final String EXPIRED =
      " r.created_at < now() - make_interval(secs => :seconds)"
          + " AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.room_id = r.id"
          + "   AND a.at >= now() - make_interval(secs => :seconds))"
          + " AND NOT EXISTS (SELECT 1 FROM runs x WHERE x.room_id = r.id"
          + "   AND x.created_at >= now() - make_interval(secs => :seconds))"
          + " AND NOT EXISTS (SELECT 1 FROM document_updates u WHERE u.room_id = r.id"
          + "   AND u.at >= now() - make_interval(secs => :seconds))";

  private final Jdbi jdbi;
  private final Duration keep;

  /**
   * @param keep how long rooms are kept; zero keeps everything
   */
  public Retention(Jdbi jdbi, Duration keep) {
    if (keep.isNegative()) {
      throw new IllegalArgumentException("the retention period cannot be negative");
    }
    this.jdbi = jdbi;
    this.keep = keep;
  }

  @Override
  public void run() {
    int deleted = sweep();
    if (deleted > 0) {
      log.info("deleted {} rooms inactive for more than {} days", deleted, keep.toDays());
    }
  }

  /**
   * Deletes every room past the retention period.
   *
   * @return how many rooms were deleted
   */
  public int sweep() {
    if (keep.isZero()) {
      return 0;
    }
    List<String> expired =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT r.id FROM rooms r WHERE" + EXPIRED)
                    .bind("seconds", keep.toSeconds())
                    .mapTo(String.class)
                    .list());
    int deleted = 0;
    for (int from = 0; from < expired.size(); from += BATCH) {
      List<String> batch = expired.subList(from, Math.min(expired.size(), from + BATCH));
      deleted +=
          jdbi.withHandle(
              h ->
                  h.createUpdate("DELETE FROM rooms r WHERE r.id IN (<ids>) AND" + EXPIRED)
                      .bindList("ids", batch)
                      .bind("seconds", keep.toSeconds())
                      .execute());
    }
    return deleted;
  }
}
