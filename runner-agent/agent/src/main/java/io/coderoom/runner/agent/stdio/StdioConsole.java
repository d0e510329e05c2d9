package io.coderoom.runner.agent.stdio;

import io.coderoom.runner.agent.harness.CaseFeed;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.protocol.RunEvent;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the room sees of a stdio run's output, and what it must not. Until the run is sealed (the
 * first hidden case is about to run), each case's stdout and stderr go to the room as they come, up
 * to the sandbox's output cap over the whole run; from then on they are kept for interviewers only
 * (up to the same cap), and one note tells the room so.
 */
final class StdioConsole implements OutputListener {
  private final OutputListener room;
  private final long limitChars;
  private final Map<RunEvent.OutputStream, StringBuilder> shown =
      new EnumMap<>(RunEvent.OutputStream.class);
  private final Map<RunEvent.OutputStream, Boolean> truncated =
      new EnumMap<>(RunEvent.OutputStream.class);
  private final StringBuilder withheld = new StringBuilder();
  private boolean sealed;

  StdioConsole(OutputListener room, long limitChars) {
    this.room = room;
    this.limitChars = limitChars;
    for (RunEvent.OutputStream stream : RunEvent.OutputStream.values()) {
      shown.put(stream, new StringBuilder());
      truncated.put(stream, false);
    }
  }

  @Override
  public synchronized void output(RunEvent.OutputStream stream, String text) {
    if (sealed) {
      // A hidden case's stdout is its answer, in its case result; its stderr is the program's
      // own talk, which interviewers may want.
      if (stream == RunEvent.OutputStream.STDERR) {
        withheld.append(text, 0, (int) Math.min(text.length(), limitChars - withheld.length()));
      }
      return;
    }
    StringBuilder kept = shown.get(stream);
    int room = (int) Math.max(0, limitChars - kept.length());
    if (text.length() > room) {
      truncated.put(stream, true);
    }
    String part = text.substring(0, Math.min(text.length(), room));
    if (!part.isEmpty()) {
      kept.append(part);
      this.room.output(stream, part);
    }
  }

  /** From now on nothing reaches the room: a hidden input is about to enter the container. */
  synchronized void seal() {
    if (!sealed) {
      sealed = true;
      room.output(RunEvent.OutputStream.STDOUT, CaseFeed.WITHHELD);
      shown.get(RunEvent.OutputStream.STDOUT).append(CaseFeed.WITHHELD);
    }
  }

  synchronized String shown(RunEvent.OutputStream stream) {
    return shown.get(stream).toString();
  }

  synchronized boolean truncated(RunEvent.OutputStream stream) {
    return truncated.get(stream);
  }

  /** What the program wrote to stderr once the hidden cases began (for interviewers only). */
  synchronized String withheld() {
    return withheld.toString();
  }
}
