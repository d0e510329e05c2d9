package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.StructStore;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.TextFormatting;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Document state and the transaction life cycle. Yjs src/utils/Doc.js and Transaction.js. */
public final class DocCore {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Callback receiving the v1 update of each transaction that changed something. */
  @FunctionalInterface
  public interface UpdateHook {
    void onUpdate(byte[] update, Txn transaction);
  }

  public long clientId;
  public final boolean gc;
  public final StructStore store = new StructStore();
  public final LinkedHashMap<String, Branch> share = new LinkedHashMap<>();
  public Txn transaction;
  public final ArrayList<Txn> transactionCleanups = new ArrayList<>();
  public final List<UpdateHook> updateHooks = new CopyOnWriteArrayList<>();
  public final List<Consumer<Txn>> afterTransactionHooks = new CopyOnWriteArrayList<>();

  /** Public Doc object. */
  public Object facade;

  private long markerTimestamp;

  public DocCore(long clientId, boolean gc) {
    this.clientId = clientId;
    this.gc = gc;
  }

  public static long generateNewClientId() {
    return RANDOM.nextInt() & 0xFFFFFFFFL;
  }

  /** Monotonic clock of search-marker use (Yjs globalSearchMarkerTimestamp). */
  public long nextMarkerTimestamp() {
    return markerTimestamp++;
  }

  /** Root type {@code name}, created as an untyped branch if unknown (Yjs doc.get). */
  public Branch getRoot(String name) {
    Branch b = share.get(name);
    if (b == null) {
      b = new Branch(Branch.UNKNOWN);
      b.rootName(name);
      b.doc = this;
      share.put(name, b);
    }
    return b;
  }

  /** Yjs transact. */
  public void transact(Consumer<Txn> f, Object origin, boolean local) {
    boolean initialCall = false;
    if (transaction == null) {
      initialCall = true;
      transaction = new Txn(this, origin, local);
      transactionCleanups.add(transaction);
    }
    try {
      f.accept(transaction);
    } finally {
      if (initialCall) {
        boolean finishCleanup = transaction == transactionCleanups.get(0);
        transaction = null;
        if (finishCleanup) {
          cleanupTransactions(0);
        }
      }
    }
  }

  /**
   * Runs {@code f} as a remote transaction that may do at most {@code workLimit} steps of work (see
   * {@link Txn#spend}). If it runs out, the transaction is taken back (see {@link UndoLog}): the
   * document is as before, and no observer or update listener hears of it.
   *
   * @throws WorkLimitExceeded after taking the transaction back
   * @throws IllegalStateException inside another transaction, which could not be taken back
   */
  public void transactLimited(Consumer<Txn> f, Object origin, long workLimit) {
    checkNoTransaction();
    Txn t = new Txn(this, origin, false);
    t.limitWork(workLimit, new UndoLog(this, t.beforeState));
    transaction = t;
    transactionCleanups.add(t);
    try {
      f.accept(t);
    } catch (WorkLimitExceeded e) {
      UndoLog log = t.undoLog;
      t.endLimit();
      transaction = null;
      // t was added last: a transaction's body cannot start another one
      transactionCleanups.remove(transactionCleanups.size() - 1);
      log.undo(this);
      throw e;
    } catch (RuntimeException | Error e) {
      t.endLimit();
      finish(t);
      throw e;
    }
    t.endLimit();
    finish(t);
  }

  /**
   * A transaction with a work limit cannot join another: the other's changes could not be undone.
   */
  public void checkNoTransaction() {
    if (transaction != null) {
      throw new IllegalStateException(
          "an update with a work limit cannot be applied inside another transaction");
    }
  }

  /** Ends the outermost transaction {@code t}: observers, then cleanup, unless already running. */
  private void finish(Txn t) {
    boolean finishCleanup = t == transactionCleanups.get(0);
    transaction = null;
    if (finishCleanup) {
      cleanupTransactions(0);
    }
  }

  private void cleanupTransactions(int i) {
    RuntimeException failure = null;
    try {
      // observers may open new transactions; they are appended and processed in turn
      while (i < transactionCleanups.size()) {
        Txn t = transactionCleanups.get(i);
        try {
          failure = first(failure, callObservers(t));
        } catch (RuntimeException e) {
          failure = first(failure, e);
        }
        try {
          finishTransaction(t);
        } catch (RuntimeException e) {
          failure = first(failure, e);
        }
        i++;
      }
    } finally {
      transactionCleanups.clear();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException first(RuntimeException failure, RuntimeException next) {
    if (failure == null) {
      return next;
    }
    if (next != null && next != failure) {
      failure.addSuppressed(next);
    }
    return failure;
  }

  private RuntimeException callObservers(Txn t) {
    t.deleteSet.sortAndMerge();
    t.afterState = store.getStateVector();
    List<Runnable> fs = new ArrayList<>();
    t.changed.forEach(
        (type, subs) ->
            fs.add(
                () -> {
                  if ((type.item == null || !type.item.deleted()) && type.owner != null) {
                    type.owner.callObserver(t, subs);
                  }
                }));
    RuntimeException failure = callAll(fs);
    List<Runnable> deep = new ArrayList<>();
    t.changedParentTypes.forEach(
        (type, events) -> {
          if (type.owner != null
              && type.owner.hasDeepObservers()
              && (type.item == null || !type.item.deleted())) {
            deep.add(() -> type.owner.callDeepObservers(t, events));
          }
        });
    for (Consumer<Txn> hook : afterTransactionHooks) {
      deep.add(() -> hook.accept(t));
    }
    deep.add(
        () -> {
          if (t.needFormattingCleanup) {
            TextFormatting.cleanupAfterTransaction(t);
          }
        });
    RuntimeException f2 = callAll(deep);
    if (failure == null) {
      failure = f2;
    } else if (f2 != null) {
      failure.addSuppressed(f2);
    }
    return failure;
  }

  private static RuntimeException callAll(List<Runnable> fs) {
    RuntimeException failure = null;
    for (Runnable r : fs) {
      try {
        r.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    return failure;
  }

  private void finishTransaction(Txn t) {
    DeleteSet ds = t.deleteSet;
    // Replace deleted items with ItemDeleted / GC: this is where content leaves the document
    if (gc) {
      StructCompaction.tryGcDeleteSet(ds, store);
    }
    StructCompaction.tryMergeDeleteSet(ds, store);
    // on all affected store.clients props, try to merge
    t.afterState.forEach(
        (client, clock) -> {
          long beforeClock = t.beforeState.getOrDefault(client, 0L);
          if (beforeClock != clock) {
            ArrayList<AbstractStruct> structs = store.clients.get(client);
            // iterate from right to left so we can safely remove entries
            int firstChangePos = Math.max(StructStore.findIndexSS(structs, beforeClock), 1);
            for (int i = structs.size() - 1; i >= firstChangePos; ) {
              i -= 1 + StructCompaction.tryToMergeWithLefts(structs, i);
            }
          }
        });
    // try to merge mergeStructs
    for (int i = t.mergeStructs.size() - 1; i >= 0; i--) {
      AbstractStruct ms = t.mergeStructs.get(i);
      ArrayList<AbstractStruct> structs = store.clients.get(ms.client);
      int replacedStructPos = StructStore.findIndexSS(structs, ms.clock);
      if (replacedStructPos + 1 < structs.size()) {
        if (StructCompaction.tryToMergeWithLefts(structs, replacedStructPos + 1) > 1) {
          continue; // no need to perform next check, both are already merged
        }
      }
      if (replacedStructPos > 0) {
        StructCompaction.tryToMergeWithLefts(structs, replacedStructPos);
      }
    }
    if (!t.local
        && !java.util.Objects.equals(t.afterState.get(clientId), t.beforeState.get(clientId))) {
      // another client seems to be using our client id
      clientId = generateNewClientId();
    }
    if (!updateHooks.isEmpty()) {
      UpdateEncoderV1 encoder = new UpdateEncoderV1();
      if (UpdateCodec.writeUpdateMessageFromTransaction(encoder, t)) {
        byte[] update = encoder.toByteArray();
        RuntimeException failure = null;
        for (UpdateHook h : updateHooks) {
          try {
            h.onUpdate(update, t);
          } catch (RuntimeException e) {
            failure = first(failure, e); // the other listeners still get the update
          }
        }
        if (failure != null) {
          throw failure;
        }
      }
    }
  }
}
