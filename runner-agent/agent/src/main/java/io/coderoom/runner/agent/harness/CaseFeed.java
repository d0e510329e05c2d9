package io.coderoom.runner.agent.harness;

import io.coderoom.runner.agent.sandbox.Conversation;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 * <p>Each input is one line, {@code [index, [arguments...]]}; an empty line tells the harness that
 * there are no more.
 */
public final class CaseFeed implements Conversation {
  /** Written to the room's output when the hidden cases begin. */
  public static final String WITHHELD =
      "\n[Hidden tests are running now: what the program prints from here on is not shown.]\n";

  private final TestSuite suite;
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

  /**
   * @param nonce the run's record nonce
   * @param room receives what the room may see, as it comes
   */
  public CaseFeed(TestSuite suite, String nonce, OutputListener room) {
    this.suite = suite;
    this.room = room;
    this.splitter = new RecordSplitter(nonce, this::candidateText, this::record);
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
      case STDERR -> {
        if (sealed) {
          withheld.append(text);
        } else {
          show(stream, text);
        }
      }
    }
  }

  /** Passes on what was held back as the possible start of a record; call when the run is over. */
  public synchronized void flush() {
    splitter.flush();
  }

  /** The comparison of the records so far with the expected values. */
  public synchronized TestReport report() {
    return Judge.judge(suite, records);
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

  private void candidateText(String text) {
    if (sealed) {
      withheld.append(text);
    } else {
      show(RunEvent.OutputStream.STDOUT, text);
    }
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
    input.write("[" + index + "," + Json.write(next.input()) + "]\n");
    sent++;
  }
}
