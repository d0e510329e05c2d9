package io.coderoom.server.playback;

import java.util.Optional;

/**
 * The report an offline file carries beside the timeline: the same value {@code GET
 * /api/rooms/{id}/report} gives an interviewer, which the file's viewer shows in its report
 * section.
 */
@FunctionalInterface
public interface ExportReport {
  /** The room's report as JSON-serialisable data (a map or a record), or empty. Blocks. */
  Optional<?> of(String roomId);
}
