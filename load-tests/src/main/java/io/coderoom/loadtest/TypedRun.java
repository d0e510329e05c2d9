package io.coderoom.loadtest;

import io.coderoom.crdt.encoding.Lib0Writer;
import java.util.ArrayDeque;

/**
 * One simulated editor's own run of text in a shared Y.Text, written as Yjs update v1 bytes without
 * a document: every insert continues right after the editor's previous one (as typing does), and
 * once the run is longer than a bound its oldest inserts are deleted in the same update. Keeping no
 * document is what lets one load-generator core drive a whole server: receiving an edit costs a
 * byte scan, not an integration. {@code TypedRunTest} checks the bytes against the crdt.
 */
final class TypedRun {
  private static final int CONTENT_STRING = 4;
  private static final int HAS_ORIGIN = 0x80;

  private final long clientId;
  private final String textName;
  private final int maxLength;

  /** Clock of the next character this editor types. */
  private long clock;

  /** Inserts not yet deleted, oldest first, as {clock, length}. */
  private final ArrayDeque<long[]> live = new ArrayDeque<>();

  private long liveLength;

  TypedRun(long clientId, String textName, int maxLength) {
    this.clientId = clientId;
    this.textName = textName;
    this.maxLength = maxLength;
  }

  /** The update that types {@code ascii} after this editor's previous insert. */
  byte[] type(String ascii) {
    Lib0Writer update = new Lib0Writer(32 + ascii.length());
    update.writeVarUint(1); // structs of one client
    update.writeVarUint(1); // one struct
    update.writeVarUint(clientId);
    update.writeVarUint(clock);
    if (clock == 0) {
      update.writeUint8(CONTENT_STRING); // no origins: the parent follows, a root type by name
      update.writeVarUint(1);
      update.writeVarString(textName);
    } else {
      update.writeUint8(HAS_ORIGIN | CONTENT_STRING);
      update.writeVarUint(clientId);
      update.writeVarUint(clock - 1);
    }
    update.writeVarString(ascii);
    live.addLast(new long[] {clock, ascii.length()});
    liveLength += ascii.length();
    clock += ascii.length();
    writeTrim(update);
    return update.toByteArray();
  }

  /** The delete set: the oldest inserts past the bound (never the newest, the next origin). */
  private void writeTrim(Lib0Writer update) {
    ArrayDeque<long[]> deleted = new ArrayDeque<>();
    while (liveLength > maxLength && live.size() > 1) {
      long[] oldest = live.removeFirst();
      liveLength -= oldest[1];
      deleted.addLast(oldest);
    }
    if (deleted.isEmpty()) {
      update.writeVarUint(0);
      return;
    }
    update.writeVarUint(1);
    update.writeVarUint(clientId);
    update.writeVarUint(deleted.size());
    for (long[] range : deleted) {
      update.writeVarUint(range[0]);
      update.writeVarUint(range[1]);
    }
  }
}
