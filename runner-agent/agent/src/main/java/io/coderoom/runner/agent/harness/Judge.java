package io.coderoom.runner.agent.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseResult;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the harness's framed records out of a function-mode run's stdout and compares each result
 * with the expected value. A record is {@code \n RS nonce:index:status:ms:json \n}; the rest of
 * stdout is the candidate's own printing and is shown as such. A case reported twice counts as an
 * error (only forged output can do that), as does a case reported never.
 *
 * <p>The candidate's printing while a hidden case runs would show its input, so it is withheld: the
 * harness runs cases in order, flushes the candidate's output before each record, and has stderr
 * merged into stdout, so the text between record {@code i - 1} and record {@code i} is what case
 * {@code i} printed (after the last record, it is the last case's).
 */
public final class Judge {
  /**
   * The record separator as the agent reads it: the harness writes RS (U+001E), and the sandbox's
   * output capture shows every control character as its Unicode control picture.
   */
  static final char RS = '\u241e';

  /** Replaces what the candidate printed while hidden cases ran. */
  public static final String WITHHELD = "\n[Output printed while hidden tests ran is not shown.]\n";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double TOLERANCE = 1e-6;

  private Judge() {}

  /** The report and the candidate's own stdout with the records removed. */
  public record Verdict(TestReport report, String candidateOutput) {}

  private record Record(String status, double ms, String payload) {}

  static String marker(String nonce) {
    return "\n" + RS + nonce + ":";
  }

  public static Verdict judge(TestSuite suite, String stdout, String nonce) {
    Pattern record =
        Pattern.compile(
            "\n" + RS + Pattern.quote(nonce) + ":(\\d+):(ok|error):([0-9.]+):([^\n]*)\n");
    Matcher m = record.matcher(stdout);
    Attribution shown = new Attribution(suite);
    StringBuilder rest = new StringBuilder();
    Map<Integer, Record> records = new HashMap<>();
    Map<Integer, Integer> seen = new HashMap<>();
    int last = 0;
    while (m.find()) {
      shown.append(rest, stdout.substring(last, m.start()));
      last = m.end();
      int index;
      try {
        index = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        continue;
      }
      shown.reported(index);
      seen.merge(index, 1, Integer::sum);
      records.put(index, new Record(m.group(2), Double.parseDouble(m.group(3)), m.group(4)));
    }
    shown.append(rest, stdout.substring(last));

    int passed = 0;
    int hiddenPassed = 0;
    int hiddenTotal = 0;
    List<CaseResult> results = new ArrayList<>();
    for (int i = 0; i < suite.cases().size(); i++) {
      TestSuite.Case c = suite.cases().get(i);
      CaseResult result =
          judgeCase(i, c.hidden(), c.expected(), records.get(i), seen.getOrDefault(i, 0));
      boolean ok = result.status() == CaseStatus.PASSED;
      if (ok) {
        passed++;
      }
      if (c.hidden()) {
        hiddenTotal++;
        if (ok) {
          hiddenPassed++;
        }
      }
      results.add(result);
    }
    return new Verdict(
        new TestReport(passed, suite.cases().size(), hiddenPassed, hiddenTotal, results),
        rest.toString());
  }

  private static CaseResult judgeCase(
      int index, boolean hidden, JsonNode expected, Record record, int times) {
    String expectedText = expected.toString();
    if (record == null) {
      return new CaseResult(
          index,
          hidden,
          CaseStatus.ERROR,
          0,
          null,
          expectedText,
          "",
          "No result: the program stopped before this case.");
    }
    if (times > 1) {
      return new CaseResult(
          index,
          hidden,
          CaseStatus.ERROR,
          record.ms(),
          null,
          expectedText,
          "",
          "The result of this case was reported "
              + times
              + " times; the output was tampered with.");
    }
    if (record.status().equals("error")) {
      String error = record.payload();
      try {
        error = MAPPER.readTree(record.payload()).asText();
      } catch (Exception e) {
        // Shown raw.
      }
      return new CaseResult(
          index, hidden, CaseStatus.ERROR, record.ms(), null, expectedText, "", error);
    }
    JsonNode actual;
    try {
      actual = MAPPER.readTree(record.payload());
    } catch (Exception e) {
      return new CaseResult(
          index,
          hidden,
          CaseStatus.ERROR,
          record.ms(),
          record.payload(),
          expectedText,
          "",
          "The harness returned malformed JSON.");
    }
    String diff = diff("", expected, actual);
    return new CaseResult(
        index,
        hidden,
        diff.isEmpty() ? CaseStatus.PASSED : CaseStatus.FAILED,
        record.ms(),
        actual.toString(),
        expectedText,
        diff,
        "");
  }

  /** The first difference as one line ("[2]: expected 5, got 4"), empty if equal. */
  static String diff(String path, JsonNode expected, JsonNode actual) {
    String at = "result" + path;
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
        return expected.bigIntegerValue().equals(actual.bigIntegerValue())
            ? ""
            : at + ": expected " + expected + ", got " + actual;
      }
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      return Math.abs(e - a) <= TOLERANCE * Math.max(1, Math.abs(e))
          ? ""
          : at + ": expected " + expected + ", got " + actual;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return at + ": expected " + expected.size() + " elements, got " + actual.size();
      }
      for (int i = 0; i < expected.size(); i++) {
        String d = diff(path + "[" + i + "]", expected.get(i), actual.get(i));
        if (!d.isEmpty()) {
          return d;
        }
      }
      return "";
    }
    if (expected.isObject() && actual.isObject()) {
      Iterator<String> names = expected.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        JsonNode a = actual.get(name);
        if (a == null) {
          return at + "." + name + ": missing";
        }
        String d = diff(path + "." + name, expected.get(name), a);
        if (!d.isEmpty()) {
          return d;
        }
      }
      return expected.size() == actual.size() ? "" : at + ": unexpected fields";
    }
    return expected.equals(actual) ? "" : at + ": expected " + expected + ", got " + actual;
  }

  /**
   * Which case the candidate's output belongs to, as records go by, and whether it may be shown:
   * what a hidden case printed is replaced by one {@link #WITHHELD} note.
   */
  private static final class Attribution {
    private final TestSuite suite;
    private int current;
    private boolean noted;

    Attribution(TestSuite suite) {
      this.suite = suite;
    }

    void reported(int index) {
      current = Math.max(current, index + 1);
    }

    private boolean hidden() {
      int n = suite.cases().size();
      return n > 0 && suite.cases().get(Math.min(current, n - 1)).hidden();
    }

    void append(StringBuilder out, CharSequence text) {
      if (text.isEmpty()) {
        return;
      }
      if (!hidden()) {
        out.append(text);
      } else if (!noted) {
        noted = true;
        out.append(WITHHELD);
      }
    }
  }

  /**
   * Passes a function-mode run's output on to the room without the harness's records and without
   * what hidden cases printed, holding back only what might be the start of a record.
   */
  public static final class Filter implements OutputListener {
    private final String marker;
    private final OutputListener next;
    private final Attribution shown;
    private final StringBuilder pending = new StringBuilder();

    public Filter(String nonce, TestSuite suite, OutputListener next) {
      this.marker = marker(nonce);
      this.shown = new Attribution(suite);
      this.next = next;
    }

    @Override
    public synchronized void output(RunEvent.OutputStream stream, String text) {
      if (stream != RunEvent.OutputStream.STDOUT) {
        next.output(stream, text);
        return;
      }
      pending.append(text);
      StringBuilder out = new StringBuilder();
      while (true) {
        int start = pending.indexOf(marker);
        if (start < 0) {
          int keep = partialMarker();
          shown.append(out, pending.substring(0, pending.length() - keep));
          pending.delete(0, pending.length() - keep);
          break;
        }
        int end = pending.indexOf("\n", start + marker.length());
        if (end < 0) {
          shown.append(out, pending.substring(0, start));
          pending.delete(0, start);
          break;
        }
        shown.append(out, pending.substring(0, start));
        int colon = pending.indexOf(":", start + marker.length());
        if (colon > 0 && colon < end) {
          try {
            shown.reported(Integer.parseInt(pending.substring(start + marker.length(), colon)));
          } catch (NumberFormatException e) {
            // Not a record the harness wrote; the judge reports the case as missing.
          }
        }
        pending.delete(0, end + 1);
      }
      if (!out.isEmpty()) {
        next.output(stream, out.toString());
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

    public synchronized void flush() {
      if (!pending.isEmpty()) {
        StringBuilder out = new StringBuilder();
        shown.append(out, pending);
        pending.setLength(0);
        if (!out.isEmpty()) {
          next.output(RunEvent.OutputStream.STDOUT, out.toString());
        }
      }
    }
  }
}
