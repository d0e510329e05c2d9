package io.coderoom.crdt;

import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.internal.core.DocCore;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateCodec;
import io.coderoom.crdt.internal.core.UpdateReader;
import io.coderoom.crdt.internal.core.WorkLimitExceeded;
import io.coderoom.crdt.internal.types.Branch;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Yjs document: named root types, the struct store and the update codec (Yjs Y.Doc). Not
 * thread-safe: confine a document to one thread.
 */
public final class Doc {
  private static final byte[] EMPTY_STATE_VECTOR = {0};

  /**
   * Work limit for {@link #applyUpdate(byte[], Object, long)} that no update made by editing comes
   * near, yet lets a crafted one be refused within a few tens of milliseconds (see API.md).
   */
  public static final long DEFAULT_WORK_LIMIT = 50_000;

  final DocCore core;

  /** A document with a random client id and garbage collection on. */
  public Doc() {
    this(DocCore.generateNewClientId(), true);
  }

  private Doc(long clientId, boolean gc) {
    this.core = new DocCore(clientId, gc);
    core.facade = this;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options of a document. */
  public static final class Builder {
    private Long clientId;
    private boolean gc = true;

    private Builder() {}

    /** Client id, an unsigned 32-bit integer; random when not set. */
    public Builder clientId(long clientId) {
      if (clientId < 0 || clientId > 0xFFFFFFFFL) {
        throw new IllegalArgumentException("client id must be an unsigned 32-bit integer");
      }
      this.clientId = clientId;
      return this;
    }

    /** Whether deleted content is garbage collected (default true, as in Yjs). */
    public Builder gc(boolean gc) {
      this.gc = gc;
      return this;
    }

    public Doc build() {
      return new Doc(clientId == null ? DocCore.generateNewClientId() : clientId, gc);
    }
  }

  /** This document's client id (may change if another peer is seen using it, as in Yjs). */
  public long clientId() {
    return core.clientId;
  }

  public boolean gc() {
    return core.gc;
  }

  private <T extends AbstractType> T root(
      String name, int typeRef, Class<T> cls, Function<Branch, T> make) {
    Objects.requireNonNull(name, "name");
    Branch b = core.getRoot(name);
    if (b.owner == null) {
      // Yjs replaces the untyped AbstractType by a fresh typed instance that takes over only the
      // list, the map and the length: search markers start empty and _hasFormatting false.
      b.typeRef = typeRef;
      b.hasFormatting = false;
      b.searchMarker =
          typeRef == Branch.YARRAY || typeRef == Branch.YTEXT ? new java.util.ArrayList<>() : null;
      return make.apply(b);
    }
    Object t = b.publicType();
    if (!cls.isInstance(t) || b.typeRef != typeRef) {
      throw new IllegalStateException(
          "Type with the name " + name + " has already been defined with a different constructor");
    }
    return cls.cast(t);
  }

  public Text getText(String name) {
    return root(name, Branch.YTEXT, Text.class, Text::new);
  }

  public YMap getMap(String name) {
    return root(name, Branch.YMAP, YMap.class, YMap::new);
  }

  public YArray getArray(String name) {
    return root(name, Branch.YARRAY, YArray.class, YArray::new);
  }

  public YXmlFragment getXmlFragment(String name) {
    return root(name, Branch.YXML_FRAGMENT, YXmlFragment.class, YXmlFragment::new);
  }

  /** Runs {@code body} as one transaction (nested calls join the outer transaction). */
  public void transact(Consumer<Transaction> body) {
    transact(body, null);
  }

  public void transact(Consumer<Transaction> body, Object origin) {
    Objects.requireNonNull(body, "body");
    core.transact(txn -> body.accept(Transaction.of(txn)), origin, true);
  }

  /** Applies a v1 update; on a decoding error the document is unchanged. */
  public void applyUpdate(byte[] update) throws UpdateException {
    applyUpdate(update, null);
  }

  public void applyUpdate(byte[] update, Object origin) throws UpdateException {
    Objects.requireNonNull(update, "update");
    try {
      UpdateReader.applyUpdate(core, update, origin);
    } catch (Lib0Exception e) {
      throw new UpdateException("Malformed Yjs update: " + e.getMessage(), e);
    }
  }

  /**
   * Applies a v1 update that may come from anyone, doing at most {@code workLimit} steps of work.
   * Yjs resolves concurrent insertions at one place in time quadratic in their number, so one
   * crafted update of a few kilobytes can take seconds and a megabyte hours; here it is refused
   * instead. A step is about one iteration of that conflict resolution (see API.md, "Work limit").
   * Structs waiting for missing dependencies that the update releases count too; if they are what
   * exceeds the limit, they are discarded and the update is applied without them.
   *
   * @param workLimit steps allowed; {@link #DEFAULT_WORK_LIMIT} suits any update a real editor
   *     sends
   * @throws UpdateTooCostlyException if applying needs more: the document is then exactly as before
   *     (structs, pending updates, live handles), and no observer or update listener was called
   * @throws UpdateException if the update is malformed (the document is unchanged)
   * @throws IllegalStateException if called inside a transaction (it could not be taken back)
   */
  public void applyUpdate(byte[] update, Object origin, long workLimit) throws UpdateException {
    Objects.requireNonNull(update, "update");
    if (workLimit < 0) {
      throw new IllegalArgumentException("workLimit must not be negative: " + workLimit);
    }
    try {
      UpdateReader.applyUpdate(core, update, origin, workLimit);
    } catch (Lib0Exception e) {
      throw new UpdateException("Malformed Yjs update: " + e.getMessage(), e);
    } catch (WorkLimitExceeded e) {
      throw new UpdateTooCostlyException(workLimit);
    }
  }

  /**
   * Integrates what waits for missing dependencies whose dependencies arrived, as re-applying the
   * document's own state does: Yjs sometimes leaves such structs waiting (see BUGS-FOUND.md). At
   * most {@code workLimit} steps of work, as {@link #applyUpdate(byte[], Object, long)}.
   *
   * @return false if that needed more work: what waited was discarded (its senders resend it on
   *     their next sync), and the rest of the document is unchanged
   */
  public boolean retryPending(long workLimit) {
    if (workLimit < 0) {
      throw new IllegalArgumentException("workLimit must not be negative: " + workLimit);
    }
    return UpdateReader.retryPending(core, workLimit);
  }

  /** The whole document as a v1 update. */
  public byte[] encodeStateAsUpdate() {
    return UpdateCodec.encodeStateAsUpdate(core, EMPTY_STATE_VECTOR);
  }

  /** What a peer with the given state vector is missing, as a v1 update. */
  public byte[] encodeStateAsUpdate(byte[] encodedTargetStateVector) throws UpdateException {
    Objects.requireNonNull(encodedTargetStateVector, "encodedTargetStateVector");
    try {
      UpdateCodec.decodeStateVector(encodedTargetStateVector);
    } catch (Lib0Exception e) {
      throw new UpdateException("Malformed state vector: " + e.getMessage(), e);
    }
    return UpdateCodec.encodeStateAsUpdate(core, encodedTargetStateVector);
  }

  public byte[] encodeStateVector() {
    return UpdateCodec.encodeStateVector(core.store.getStateVector());
  }

  /** Client id to next expected clock. */
  public Map<Long, Long> stateVector() {
    return Collections.unmodifiableMap(core.store.getStateVector());
  }

  /** Receives the v1 update of every transaction that changed this document. */
  public Subscription onUpdate(UpdateListener listener) {
    Objects.requireNonNull(listener, "listener");
    DocCore.UpdateHook hook =
        (update, txn) -> listener.onUpdate(update, txn.origin, Transaction.of(txn));
    core.updateHooks.add(hook);
    return () -> core.updateHooks.remove(hook);
  }

  /** Called after every transaction, after observers (Yjs 'afterTransaction'). */
  public Subscription onAfterTransaction(Consumer<Transaction> listener) {
    Objects.requireNonNull(listener, "listener");
    Consumer<Txn> hook = txn -> listener.accept(Transaction.of(txn));
    core.afterTransactionHooks.add(hook);
    return () -> core.afterTransactionHooks.remove(hook);
  }

  /** True when updates wait for missing dependencies (Yjs store.pendingStructs/pendingDs). */
  public boolean hasPending() {
    return core.store.pendingStructs != null || core.store.pendingDs != null;
  }

  /**
   * Discards what waits for missing dependencies. A server that stops taking a peer's updates
   * because too much of them waits calls this, so they do not stay in the document and count
   * against every later update; structs that legitimately waited are resent by their senders on
   * their next sync.
   *
   * @throws IllegalStateException if called inside a transaction
   */
  public void discardPending() {
    core.checkNoTransaction();
    core.store.pendingStructs = null;
    core.store.pendingDs = null;
  }

  /**
   * Encoded size of what waits for missing dependencies. Yjs keeps such updates without bound; a
   * server can cap this to stop a peer from filling memory with updates that never apply.
   */
  public long pendingBytes() {
    long n = core.store.pendingDs == null ? 0 : core.store.pendingDs.length;
    if (core.store.pendingStructs != null) {
      n += core.store.pendingStructs.update().length;
    }
    return n;
  }
}
