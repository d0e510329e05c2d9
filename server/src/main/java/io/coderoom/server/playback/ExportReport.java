package io.coderoom.server.playback;

import java.util.Optional;

/**
 * The report an offline file carries beside the timeline: the same value {@code GET
 * /api/rooms/{id}/report} gives an interviewer, which the file's viewer shows in its report
 * section. The server wires the room report's builder in here; until one is wired, files carry none
 * and say so.
 */
@FunctionalInterface
public interface ExportReport {
  /** The room's report as JSON-serialisable data (a map or a record), or empty. Blocks. */
  Optional<Object> of(String roomId);

  /** No report: the file's report section says none was included. */
  static ExportReport none() {
    return roomId -> Optional.empty();
  }
}
