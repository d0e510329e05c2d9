package io.coderoom.server.report;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.DocumentLog.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of a room's document as stored (latest snapshot plus the newer logged updates), read
 * without loading the room: what the report shows of a room that may have ended long ago. Blocks.
 */
public final class DocumentText {
  private static final Logger log = LoggerFactory.getLogger(DocumentText.class);

  /** The Y.Text the web client's editors bind to, in the code and the notes documents alike. */
  static final String TEXT = "codemirror";

  private final DocumentLog documents;

  public DocumentText(DocumentLog documents) {
    this.documents = documents;
  }

  /** The document's text; empty when nothing was ever written to it. */
  public String read(String roomId, String doc) {
    StoredDocument stored = documents.load(roomId, doc);
    Doc state = new Doc();
    stored.snapshot().ifPresent(update -> apply(roomId, doc, state, update));
    stored.updates().forEach(update -> apply(roomId, doc, state, update));
    return state.getText(TEXT).toString();
  }

  private static void apply(String roomId, String doc, Doc state, byte[] update) {
    try {
      state.applyUpdate(update);
    } catch (UpdateException e) {
      // The live room skips such an update when it loads, the same way; the rest still reads.
      log.warn(
          "{} skipped a stored {} update that no longer applies: {}", roomId, doc, e.getMessage());
    }
  }
}
