package io.coderoom.server.sync;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.UpdateTooCostlyException;
import io.coderoom.crdt.sync.Message;
import io.coderoom.crdt.sync.ProtocolException;
import io.coderoom.crdt.sync.SyncMessage;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.server.store.DocumentLogWriter;
import io.coderoom.server.store.DocumentUpdate;
import io.coderoom.server.transport.CloseCode;
import io.coderoom.server.transport.PreFramed;
import io.netty.buffer.ByteBuf;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Yjs document of a live room and the sockets that have it open, speaking the y-websocket
 * protocol as its reference server does: step 1 and every awareness state on join, step 2 for a
 * peer's step 1 (repeats from a cache; sockets may send only a few), updates applied with the
 * socket as origin and relayed to the other sockets, awareness (guarded by {@link
 * DocumentAwareness}) relayed to all (the sender too), and a closed socket's awareness removed at
 * once. Everything here runs on the room's event loop.
 */
final class SharedDocument {
  private static final Logger log = LoggerFactory.getLogger(SharedDocument.class);

  /**
   * A snapshot after this many updates keeps reloads short; a document's first one comes after
   * between half and all of them.
   */
  static final int SNAPSHOT_EVERY = 500;

  /**
   * Past this many bytes of updates over the document's whole log (reloads included) it takes
   * deletions only.
   */
  static final long MAX_DOCUMENT_BYTES = 32L << 20;

  /** What a write refused at the limit is told. */
  static final String FULL =
      "The document has reached its limit of 32 MiB of changes; only deletions are accepted now.";

  /** Updates waiting for missing dependencies beyond this close the socket sending them. */
  static final long MAX_PENDING_BYTES = 4L << 20;

  private final String roomId;
  private final DocumentName name;
  private final Doc doc;
  private final DocumentAwareness awareness;
  private final StepTwoCache stepTwo;
  private final DocumentLogWriter logWriter;
  private final Clock clock;
  private final SyncMetrics metrics;

  /** Commands waiting for edits still on their way on a socket. */
  private final StateWaits waits = new StateWaits();

  /** The open sockets, in the order they joined. */
  private final Set<DocumentSocket> sockets = new LinkedHashSet<>();

  private long lastSeq;
  private long snapshotSeq;
  private long bytes;

  SharedDocument(
      String roomId,
      DocumentName name,
      Doc doc,
      long lastSeq,
      long loadedBytes,
      DocumentLogWriter logWriter,
      Clock clock,
      SyncMetrics metrics) {
    this.roomId = roomId;
    this.name = name;
    this.doc = doc;
    this.lastSeq = lastSeq;
    // Rooms loaded together (after a restart, or a class of candidates starting at nine) would
    // otherwise reach their snapshot counts on the same update and encode all at once on the loop.
    this.snapshotSeq = lastSeq - ThreadLocalRandom.current().nextInt(SNAPSHOT_EVERY / 2);
    this.bytes = loadedBytes;
    this.logWriter = logWriter;
    this.clock = clock;
    this.metrics = metrics;
    this.awareness =
        new DocumentAwareness(doc.clientId(), frame -> broadcast(frame, null), metrics);
    this.stepTwo = new StepTwoCache(doc, metrics);
    doc.onUpdate((update, origin, transaction) -> changed(update, origin));
  }

  /** A Yjs v1 update without changes: no structs, an empty delete set. */
  private static final byte[] EMPTY_UPDATE = {0, 0};

  /** An awareness update with no clients: the answer to a query when nobody has a state. */
  private static final byte[] EMPTY_AWARENESS_UPDATE = {0};

  /** The Y.Text holding the code; y-codemirror.next binds an editor to it. */
  static final String TEXT = "codemirror";

  /** The document's text as it is now. */
  String text() {
    return doc.getText(TEXT).toString();
  }

  DocumentName name() {
    return name;
  }

  /**
   * Completes once the document holds every edit a peer's state vector counts (at once if it does);
   * completing the future early gives the wait up.
   */
  CompletableFuture<Void> whenHolds(Map<Long, Long> state) {
    return waits.until(state, doc.stateVector());
  }

  Doc doc() {
    return doc;
  }

  int socketCount() {
    return sockets.size();
  }

  Stream<DocumentSocket> sockets() {
    return List.copyOf(sockets).stream();
  }

  /** Drops remote awareness states not renewed for 30 s (clients renew every 15 s). */
  void expireAwareness() {
    awareness.expire();
  }

  void join(DocumentSocket socket) {
    sockets.add(socket);
    awareness.join(socket);
    socket.send(SyncProtocol.syncStep1(doc));
    awareness.allStates().ifPresent(states -> socket.send(SyncProtocol.awareness(states)));
  }

  void leave(DocumentSocket socket) {
    if (sockets.remove(socket)) {
      awareness.leave(socket);
    }
  }

  /** One binary message from a socket. */
  void receive(DocumentSocket socket, byte[] frame) {
    if (!sockets.contains(socket)) {
      return;
    }
    Message message;
    try {
      message = SyncProtocol.decode(frame);
    } catch (ProtocolException e) {
      socket.refuseMalformed("Malformed message: " + e.getMessage());
      return;
    }
    switch (message) {
      case Message.Sync sync -> receiveSync(socket, sync.message());
      case Message.AwarenessUpdate update -> awareness.receive(socket, update.update());
      case Message.QueryAwareness query ->
          socket.send(SyncProtocol.awareness(awareness.allStates().orElse(EMPTY_AWARENESS_UPDATE)));
      case Message.PermissionDenied denied -> {}
    }
  }

  private void receiveSync(DocumentSocket socket, SyncMessage message) {
    switch (message) {
      case SyncMessage.Step1 step1 -> {
        try {
          socket.send(stepTwo.answer(step1.stateVector()));
        } catch (ProtocolException e) {
          socket.refuseMalformed("Malformed state vector.");
        }
      }
      case SyncMessage.Step2 step2 -> {
        // A read-only client answers the server's step 1 with nothing, as every client does: not a
        // write to refuse (the refusal would also queue behind its own large step 2).
        if (socket.mayEdit(name) || !Arrays.equals(step2.update(), EMPTY_UPDATE)) {
          apply(socket, step2.update());
        }
      }
      case SyncMessage.Update update -> apply(socket, update.update());
    }
  }

  private void apply(DocumentSocket socket, byte[] update) {
    if (!socket.mayEdit(name)) {
      socket.denyWrite();
      return;
    }
    if (bytes + update.length > MAX_DOCUMENT_BYTES && !onlyDeletes(update)) {
      // Deletions stay allowed, so a client that filled the document cannot freeze its code.
      socket.send(SyncProtocol.permissionDenied(FULL));
      return;
    }
    try {
      // Yjs merges concurrent insertions at one place in quadratic time: a crafted update of a few
      // kilobytes would hold this loop, and every room on it, for seconds.
      doc.applyUpdate(update, socket, Doc.DEFAULT_WORK_LIMIT);
    } catch (UpdateTooCostlyException e) {
      refuseTooCostly(socket);
      return;
    } catch (UpdateException e) {
      // Apply is atomic: the document is unchanged, and the others never see it.
      socket.refuseMalformed("Corrupt document update: " + e.getMessage());
      return;
    }
    if (doc.hasPending()) {
      resolvePending(socket);
    }
  }

  /**
   * Whether a v1 update carries a delete set and nothing else: it starts with the number of clients
   * whose structs follow (a lib0 varUint, whose 0 is the single byte 0).
   */
  static boolean onlyDeletes(byte[] update) {
    return update.length > 0 && update[0] == 0;
  }

  /**
   * Part of an update waits for changes the server lacks. Yjs sometimes leaves such structs stuck
   * even once everything arrived, and retrying them frees them; what is still missing, the sender
   * has: a sync step 1 asks it for everything the server lacks.
   */
  private void resolvePending(DocumentSocket socket) {
    if (!doc.retryPending(Doc.DEFAULT_WORK_LIMIT)) {
      // Nothing an editor sends needs that much work: what waited was crafted, and is dropped.
      metrics.updateTooCostly();
      log.warn("{} dropped waiting changes that needed too much work to merge", roomId);
    }
    if (!doc.hasPending()) {
      return;
    }
    if (doc.pendingBytes() > MAX_PENDING_BYTES) {
      // Left in the document, what waited would count against every later update, closing every
      // other socket in turn: it goes with the socket that sent it past the cap.
      doc.discardPending();
      log.warn(
          "{} dropped updates waiting past {} bytes for changes that never came",
          roomId,
          MAX_PENDING_BYTES);
      socket.close(
          CloseCode.POLICY_VIOLATION, "Updates keep arriving without the changes they depend on.");
      return;
    }
    socket.send(SyncProtocol.syncStep1(doc));
  }

  /** The update was refused whole (the document and the other sockets never saw it). */
  private void refuseTooCostly(DocumentSocket socket) {
    metrics.updateTooCostly();
    log.warn(
        "{} refused an update from {}: too much work to merge", roomId, socket.principal().actor());
    socket.close(
        CloseCode.POLICY_VIOLATION,
        "This edit needs too much work to merge and was refused; the document is unchanged.");
  }

  /** A transaction changed the document: relay it, encoded once, and log it. */
  private void changed(byte[] update, Object origin) {
    DocumentSocket from = origin instanceof DocumentSocket socket ? socket : null;
    broadcast(SyncProtocol.update(update), from);
    lastSeq++;
    logWriter.append(
        new DocumentUpdate(
            roomId,
            name.wireName(),
            lastSeq,
            update,
            from == null ? "server" : from.principal().actor(),
            clock.instant()));
    metrics.updateApplied();
    bytes += update.length;
    if (lastSeq - snapshotSeq >= SNAPSHOT_EVERY) {
      snapshotSeq = lastSeq;
      logWriter.snapshot(roomId, name.wireName(), lastSeq, doc.encodeStateAsUpdate());
    }
    waits.changed(doc::stateVector);
  }

  /** Frames once; each socket gets a retained duplicate of the same buffer. */
  private void broadcast(byte[] frame, DocumentSocket except) {
    long started = System.nanoTime();
    ByteBuf shared = PreFramed.binary(frame);
    int recipients = 0;
    try {
      for (DocumentSocket socket : sockets) {
        if (socket != except) {
          socket.sendShared(shared);
          recipients++;
        }
      }
    } finally {
      shared.release();
    }
    metrics.broadcast(System.nanoTime() - started, frame.length, recipients);
  }
}
