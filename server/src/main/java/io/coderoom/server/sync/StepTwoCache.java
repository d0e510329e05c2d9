package io.coderoom.server.sync;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.sync.ProtocolException;
import io.coderoom.crdt.sync.SyncProtocol;
import java.util.Arrays;

/**
 * Answers to sync step 1. Each answer encodes the document from the peer's state vector, which for
 * a large document is the costliest thing a socket can ask for; the answer stays the same until the
 * document changes, so a repeat of the last state vector (every client opening a room that nobody
 * edits sends the same one, and a hostile one can send hundreds a second) is answered from the last
 * encoding. Every transaction (an update, even one that only waits for missing changes) drops it.
 * Lives on the room's loop.
 */
final class StepTwoCache {
  private final Doc doc;
  private final SyncMetrics metrics;
  private byte[] stateVector;
  private byte[] answer;

  StepTwoCache(Doc doc, SyncMetrics metrics) {
    this.doc = doc;
    this.metrics = metrics;
    doc.onAfterTransaction(transaction -> drop());
  }

  /** The step 2 frame for a peer's state vector. */
  byte[] answer(byte[] peerStateVector) throws ProtocolException {
    if (answer != null && Arrays.equals(stateVector, peerStateVector)) {
      metrics.stepTwoAnswered(true);
      return answer;
    }
    byte[] encoded = SyncProtocol.syncStep2(doc, peerStateVector);
    stateVector = peerStateVector.clone();
    answer = encoded;
    metrics.stepTwoAnswered(false);
    return encoded;
  }

  private void drop() {
    stateVector = null;
    answer = null;
  }
}
