package io.coderoom.runner.agent.harness;

import java.util.function.Consumer;

/**
 * Splits a function-mode program's stdout, chunk by chunk as it comes, into the harness's records
 * and the candidate's own printing. A record is {@code \n RS nonce:index:status:ms:json \n}; only
 * what might be the start of one is held back between chunks.
 */
final class RecordSplitter {
  /**
   * The record separator as the agent reads it: the harness writes RS (U+001E), and the sandbox's
   * output capture shows every control character as its Unicode control picture.
   */
  static final char RS = '\u241e';

  private final String marker;
  private final Consumer<String> text;
  private final Consumer<Record> records;
  private final StringBuilder pending = new StringBuilder();

  /**
   * @param text receives the candidate's printing
   * @param records receives each well-formed record (text that starts like one but is malformed is
   *     dropped: only code that knows the nonce can write it)
   */
  RecordSplitter(String nonce, Consumer<String> text, Consumer<Record> records) {
    this.marker = "\n" + RS + nonce + ":";
    this.text = text;
    this.records = records;
  }

  void accept(String chunk) {
    pending.append(chunk);
    while (true) {
      int start = pending.indexOf(marker);
      if (start < 0) {
        emit(pending.length() - partialMarker());
        return;
      }
      int end = pending.indexOf("\n", start + marker.length());
      emit(start);
      if (end < 0) {
        return;
      }
      String body = pending.substring(marker.length(), end - start);
      pending.delete(0, end - start + 1);
      Record.parse(body).ifPresent(records);
    }
  }

  /** Passes on whatever is held back (the program has ended). */
  void flush() {
    emit(pending.length());
  }

  private void emit(int length) {
    if (length > 0) {
      text.accept(pending.substring(0, length));
      pending.delete(0, length);
    }
  }

  /** Length of the longest suffix of the pending text that begins the marker. */
  private int partialMarker() {
    int max = Math.min(marker.length() - 1, pending.length());
    for (int n = max; n > 0; n--) {
      if (marker.startsWith(pending.substring(pending.length() - n))) {
        return n;
      }
    }
    return 0;
  }
}
