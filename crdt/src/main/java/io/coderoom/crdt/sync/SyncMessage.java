package io.coderoom.crdt.sync;

import java.util.Arrays;
import java.util.Objects;

/**
 * The three y-protocols sync messages (y-protocols/sync.js). The payloads are raw Yjs v1 bytes: an
 * encoded state vector for step 1, an update for step 2 and update.
 */
public sealed interface SyncMessage {
  /** messageYjsSyncStep1: "here is my state vector, send me what I miss". */
  int STEP1 = 0;

  /** messageYjsSyncStep2: the answer to step 1, an update with everything the peer misses. */
  int STEP2 = 1;

  /** messageYjsUpdate: an incremental update. */
  int UPDATE = 2;

  /** The sync sub-type on the wire. */
  int type();

  /** The state vector (step 1) or update (step 2, update). */
  byte[] payload();

  record Step1(byte[] stateVector) implements SyncMessage {
    public Step1 {
      Objects.requireNonNull(stateVector, "stateVector");
    }

    @Override
    public int type() {
      return STEP1;
    }

    @Override
    public byte[] payload() {
      return stateVector;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Step1 s && Arrays.equals(stateVector, s.stateVector);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(stateVector);
    }

    @Override
    public String toString() {
      return "Step1[" + stateVector.length + " bytes]";
    }
  }

  record Step2(byte[] update) implements SyncMessage {
    public Step2 {
      Objects.requireNonNull(update, "update");
    }

    @Override
    public int type() {
      return STEP2;
    }

    @Override
    public byte[] payload() {
      return update;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Step2 s && Arrays.equals(update, s.update);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(update);
    }

    @Override
    public String toString() {
      return "Step2[" + update.length + " bytes]";
    }
  }

  record Update(byte[] update) implements SyncMessage {
    public Update {
      Objects.requireNonNull(update, "update");
    }

    @Override
    public int type() {
      return UPDATE;
    }

    @Override
    public byte[] payload() {
      return update;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Update s && Arrays.equals(update, s.update);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(update);
    }

    @Override
    public String toString() {
      return "Update[" + update.length + " bytes]";
    }
  }
}
