package io.coderoom.runner.agent.harness;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.coderoom.runner.agent.sandbox.Conversation;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.protocol.CaseDeadlines;
import io.coderoom.runner.protocol.Generators;
import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a function-mode program its cases one at a time over stdin, as the harness reports each,
 * and keeps what may be shown apart from what must not.
 *
 * <p>Public cases go first, in suite order, then hidden ones; a case's input is written only after
 * the record of the case before it has been read. Just before the first hidden input is written the
 * run is sealed ({@link Conversation.Input#seal()}): from then on the program may know a hidden
 * input, so nothing it prints reaches the room (one note, written at that moment whatever follows,
 * says so), and records it writes for public cases are ignored (a program that found the nonce
 * could otherwise put a hidden input into a public case's result). Everything before the seal was
 * produced before any hidden input existed in the container, so it is shown as it is.
 *
 * <p>Each input is one line, {@code [index, [arguments...]]} with generated arguments expanded; an
 * empty line tells the harness that there are no more.
 *
 * <p>Each case has a time limit. The harness times the call, and a call over the limit is {@code
 * time_limit} while the run goes on; a call that has not answered by its deadline ({@link
 * CaseDeadlines#answerMs}: its limit plus the input's transfer and parsing, which the harness does
 * not time) has the sandbox end the run step there: that case is {@code time_limit} and the cases
 * after it are not run, since a program stuck in a loop cannot be asked for anything else.
 */
public final class CaseFeed implements Conversation {
  /** Written to the room's output when the hidden cases begin. */
  /** A record's bytes around its answer: the nonce, the case's index and its timing. */
  static final long RECORD_OVERHEAD_BYTES = 1_024;

  public static final String WITHHELD =
      "\n[Hidden tests are running now: what the program prints from here on is not shown.]\n";

  private final TestSuite suite;
  private final long outputCapBytes;
  private final long answerBytes;
  private final List<String> lines;
  private final OutputListener room;
  private final RecordSplitter splitter;
  private final List<Integer> order = new ArrayList<>();
  private final List<Record> records = new ArrayList<>();
  private final Map<RunEvent.OutputStream, StringBuilder> shown =
      new EnumMap<>(RunEvent.OutputStream.class);
  private final StringBuilder withheld = new StringBuilder();
  private Conversation.Input input;
  private int sent;
  private boolean sealed;

  /** Bytes the program printed itself (its answers aside), and whether that passed the cap. */
  private long ownBytes;

  private boolean overflowed;

  /** The case sent and not answered yet, -1 when none. */
  private int awaited = -1;

  private long awaitedSince;
  private long awaitedUntil;

  /** The case that had not answered when its deadline passed (the step was ended for it). */
  private Optional<Judge.Overrun> overrun = Optional.empty();

  /**
   * @param nonce the run's record nonce
   * @param room receives what the room may see, as it comes
   * @param outputCapBytes the most the program may print itself; its answers (the records) do not
   *     count, as a performance case's answer may be large. Past it the run step is ended as at its
   *     output cap.
   */
  public CaseFeed(TestSuite suite, String nonce, OutputListener room, long outputCapBytes) {
    this.suite = suite;
    this.room = room;
    this.outputCapBytes = outputCapBytes;
    // Twice each expected answer (a wrong one may be longer) and room for the record around it.
    this.answerBytes =
        suite.cases().stream()
            .mapToLong(
                c ->
                    2L * Json.write(Generators.expand(c.expected())).getBytes(UTF_8).length
                        + RECORD_OVERHEAD_BYTES)
            .sum();
    this.splitter =
        new RecordSplitter(
            nonce, text -> candidateText(RunEvent.OutputStream.STDOUT, text), this::record);
    // Expanded before the run starts: a malformed generator fails the job, not the feed.
    this.lines = suite.cases().stream().map(c -> Json.write(Generators.expand(c.input()))).toList();
    for (boolean hidden : new boolean[] {false, true}) {
      for (int i = 0; i < suite.cases().size(); i++) {
        if (suite.cases().get(i).hidden() == hidden) {
          order.add(i);
        }
      }
    }
    for (RunEvent.OutputStream stream : RunEvent.OutputStream.values()) {
      shown.put(stream, new StringBuilder());
    }
  }

  @Override
  public synchronized void started(Conversation.Input input) {
    this.input = input;
    sendNext();
  }

  @Override
  public synchronized void output(RunEvent.OutputStream stream, String text) {
    switch (stream) {
      // The compiler sees no test data: nothing of the suite is in the container then.
      case COMPILE -> show(stream, text);
      case STDOUT -> splitter.accept(text);
      case STDERR -> candidateText(stream, text);
    }
  }

  /**
   * What the run step may write in all: the program's own output up to the cap, and its answers.
   */
  public long stepOutputBytes() {
    return outputCapBytes + answerBytes;
  }

  /** Whether the program printed more of its own than the cap (the step was ended for it). */
  public synchronized boolean overflowed() {
    return overflowed;
  }

  /** Passes on what was held back as the possible start of a record; call when the run is over. */
  public synchronized void flush() {
    splitter.flush();
  }

  @Override
  public synchronized boolean overdue() {
    long now = System.nanoTime();
    if (awaited < 0 || now < awaitedUntil) {
      return false;
    }
    overrun = Optional.of(new Judge.Overrun(awaited, (now - awaitedSince) / 1e6, true));
    return true;
  }

  /**
   * The comparison of the records so far with the expected values.
   *
   * @param timedOut whether the run step ended at a time limit: its own, or a case's deadline; the
   *     case it was waiting for then went over its time
   */
  public synchronized TestReport report(boolean timedOut) {
    Optional<Judge.Overrun> late = overrun;
    if (late.isEmpty() && timedOut && awaited >= 0) {
      late =
          Optional.of(new Judge.Overrun(awaited, (System.nanoTime() - awaitedSince) / 1e6, false));
    }
    return Judge.judge(suite, records, late);
  }

  /** The case whose deadline ended the run step, if one did. */
  public synchronized Optional<Integer> overrunCase() {
    return overrun.map(Judge.Overrun::index);
  }

  /** Whether the hidden cases began (the run was sealed). */
  public synchronized boolean sealed() {
    return sealed;
  }

  /** What the room saw of one stream. */
  public synchronized String shown(RunEvent.OutputStream stream) {
    return shown.get(stream).toString();
  }

  /** What the program printed once the hidden cases began (for interviewers only). */
  public synchronized String withheld() {
    return withheld.toString();
  }

  private void candidateText(RunEvent.OutputStream stream, String text) {
    String kept = withinCap(text);
    if (kept.isEmpty()) {
      return;
    }
    if (sealed) {
      withheld.append(kept);
    } else {
      show(stream, kept);
    }
  }

  /** The part of the program's own text within the cap; passing it ends the step once. */
  private String withinCap(String text) {
    if (overflowed) {
      return "";
    }
    long bytes = text.getBytes(UTF_8).length;
    if (ownBytes + bytes <= outputCapBytes) {
      ownBytes += bytes;
      return text;
    }
    overflowed = true;
    input.overflow();
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (ownBytes + size > outputCapBytes) {
        break;
      }
      ownBytes += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end);
  }

  private void show(RunEvent.OutputStream stream, String text) {
    shown.get(stream).append(text);
    room.output(stream, text);
  }

  private void record(Record record) {
    if (record.index() >= suite.cases().size()) {
      return;
    }
    if (sealed && !suite.cases().get(record.index()).hidden()) {
      return;
    }
    records.add(record);
    if (record.index() == awaited) {
      awaited = -1;
    }
    if (sent > 0 && sent <= order.size() && record.index() == order.get(sent - 1)) {
      sendNext();
    }
  }

  private void sendNext() {
    if (sent == order.size()) {
      input.write("\n");
      sent++;
      return;
    }
    if (sent > order.size()) {
      return;
    }
    int index = order.get(sent);
    TestSuite.Case next = suite.cases().get(index);
    if (next.hidden() && !sealed) {
      input.seal();
      sealed = true;
      show(RunEvent.OutputStream.STDOUT, WITHHELD);
    }
    long allowed = CaseDeadlines.answerMs(next, sent == 0);
    awaited = index;
    awaitedSince = System.nanoTime();
    awaitedUntil = awaitedSince + allowed * 1_000_000;
    input.write("[" + index + "," + lines.get(index) + "]\n");
    input.deadline(allowed);
    sent++;
  }
}
