package io.coderoom.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends document updates and snapshots to PostgreSQL in batches on its own thread, so event loops
 * only enqueue. A batch goes out a few milliseconds after its first entry, or at once when a full
 * batch is waiting; a failed batch is retried until it lands (updates are never dropped, unless
 * their room was deleted or another server instance took it over), and close drains the queue.
 *
 * <p>The thread is a platform thread that takes what has queued in one go ({@code drainTo}): under
 * load tens of thousands of updates a second pass through here, and waking a virtual thread or
 * polling entry by entry costs more CPU than the database insert itself.
 */
public final class DocumentLogWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DocumentLogWriter.class);
  private static final int MAX_BATCH = 500;
  private static final long LINGER_MS = 20;
  private static final long RETRY_MS = 500;

  private final DocumentLog documentLog;
  private final Predicate<String> heldHere;
  private final BlockingQueue<DocumentLog.Entry> queue = new LinkedBlockingQueue<>();
  private final AtomicLong written = new AtomicLong();
  private final Thread thread;
  private volatile boolean closing;

  /**
   * @param heldHere whether this instance still holds a room: the log of a room another instance
   *     took over is that instance's to write (see {@link
   *     io.coderoom.server.cluster.RoomOwnership})
   */
  public DocumentLogWriter(DocumentLog documentLog, Predicate<String> heldHere) {
    this.documentLog = documentLog;
    this.heldHere = heldHere;
    this.thread = Thread.ofPlatform().name("document-log-writer").daemon().start(this::run);
  }

  /** Queues an update; callable from any thread, never blocks. */
  public void append(DocumentUpdate update) {
    queue.add(update);
  }

  /**
   * Queues a snapshot of a document covering its updates up to {@code uptoSeq}; it is written after
   * every update queued before it, so a reload never sees a snapshot ahead of its log.
   */
  public void snapshot(String roomId, String doc, long uptoSeq, byte[] state) {
    queue.add(new DocumentLog.Snapshot(roomId, doc, uptoSeq, state));
  }

  /**
   * Drops what is queued of a room another instance took over: its sequence numbers are that
   * instance's now, and the clients send the updates again when they sync with it.
   */
  public void discard(String roomId) {
    queue.removeIf(entry -> roomOf(entry).equals(roomId));
  }

  private static String roomOf(DocumentLog.Entry entry) {
    return switch (entry) {
      case DocumentUpdate update -> update.roomId();
      case DocumentLog.Snapshot snapshot -> snapshot.roomId();
    };
  }

  /** Updates queued and not yet in PostgreSQL. */
  public int pending() {
    return queue.size();
  }

  public long written() {
    return written.get();
  }

  private void run() {
    List<DocumentLog.Entry> taken = new ArrayList<>(MAX_BATCH);
    List<DocumentUpdate> updates = new ArrayList<>(MAX_BATCH);
    List<DocumentLog.Snapshot> snapshots = new ArrayList<>();
    while (!closing || !queue.isEmpty()) {
      try {
        DocumentLog.Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        lingerForABatch();
        queue.drainTo(taken, MAX_BATCH - 1);
        for (DocumentLog.Entry entry : taken) {
          switch (entry) {
            case DocumentUpdate update -> updates.add(update);
            case DocumentLog.Snapshot snapshot -> snapshots.add(snapshot);
          }
        }
        taken.clear();
        writeUntilItLands(updates, snapshots);
      } catch (InterruptedException e) {
        closing = true;
      }
    }
  }

  /** Lets a batch gather rather than writing a row at a time, unless one is waiting already. */
  private void lingerForABatch() {
    if (queue.size() >= MAX_BATCH || closing) {
      return;
    }
    try {
      Thread.sleep(LINGER_MS);
    } catch (InterruptedException e) {
      closing = true;
    }
  }

  /**
   * Writes a batch, retrying until it lands: updates are never dropped. Its snapshots go in the
   * same transaction after its updates (rooms loaded together reach their snapshot counts together,
   * and a round trip each would hold up the log behind them).
   */
  private void writeUntilItLands(List<DocumentUpdate> updates, List<DocumentLog.Snapshot> snapshots)
      throws InterruptedException {
    while (true) {
      try {
        documentLog.append(updates, snapshots);
        written.addAndGet(updates.size());
        updates.clear();
        snapshots.clear();
        return;
      } catch (RuntimeException e) {
        log.warn(
            "writing {} document updates and {} snapshots failed, retrying: {}",
            updates.size(),
            snapshots.size(),
            e.getMessage());
        dropDeletedRooms(updates, snapshots);
        dropRoomsTakenOver(updates, snapshots);
        Thread.sleep(RETRY_MS);
      }
    }
  }

  /** Entries of deleted rooms would fail every retry, and hold up every other room's updates. */
  private void dropDeletedRooms(
      List<DocumentUpdate> updates, List<DocumentLog.Snapshot> snapshots) {
    try {
      int dropped = documentLog.dropDeletedRooms(updates, snapshots);
      if (dropped > 0) {
        log.warn("dropped {} document log entries of deleted rooms", dropped);
      }
    } catch (RuntimeException e) {
      // The database is unreachable: the retry will tell.
      log.debug("could not look for deleted rooms: {}", e.toString());
    }
  }

  /** Entries of a room another instance took over would clash with its sequence numbers. */
  private void dropRoomsTakenOver(
      List<DocumentUpdate> updates, List<DocumentLog.Snapshot> snapshots) {
    int before = updates.size() + snapshots.size();
    updates.removeIf(update -> !heldHere.test(update.roomId()));
    snapshots.removeIf(snapshot -> !heldHere.test(snapshot.roomId()));
    int dropped = before - updates.size() - snapshots.size();
    if (dropped > 0) {
      log.warn("dropped {} document log entries of rooms another instance took over", dropped);
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!queue.isEmpty()) {
      log.error("{} document updates were not written before shutdown", queue.size());
    }
  }
}
