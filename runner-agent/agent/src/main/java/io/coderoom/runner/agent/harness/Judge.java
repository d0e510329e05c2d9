package io.coderoom.runner.agent.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coderoom.runner.protocol.Generators;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseResult;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the harness's records with the expected values, which never enter the container. A case
 * reported twice counts as an error (only forged output can do that), as does a case reported
 * never. A call that took longer than its case's time limit is {@code time_limit}, whatever it
 * returned.
 */
public final class Judge {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double TOLERANCE = 1e-6;

  /** The most characters of a value a report keeps (generated values can be megabytes). */
  static final int SHOWN_CHARS = 2_000;

  private Judge() {}

  /**
   * The case the run was waiting for when a time limit ended it.
   *
   * @param index the case
   * @param ms how long it had been waiting
   * @param caseLimit true when the case's own deadline ended the run, false for the run's limit
   */
  record Overrun(int index, double ms, boolean caseLimit) {}

  /** The report of a run whose harness wrote these records (every hidden phase left empty). */
  static TestReport judge(TestSuite suite, List<Record> records) {
    return judge(suite, records, Optional.empty());
  }

  /** The same, when a time limit ended the run while it waited for the case {@code overrun}. */
  static TestReport judge(TestSuite suite, List<Record> records, Optional<Overrun> overrun) {
    Map<Integer, Record> last = new HashMap<>();
    Map<Integer, Integer> seen = new HashMap<>();
    for (Record record : records) {
      last.put(record.index(), record);
      seen.merge(record.index(), 1, Integer::sum);
    }
    int passed = 0;
    int hiddenPassed = 0;
    int hiddenTotal = 0;
    List<CaseResult> results = new ArrayList<>();
    for (int i = 0; i < suite.cases().size(); i++) {
      TestSuite.Case c = suite.cases().get(i);
      CaseResult result =
          overrun.isPresent() && overrun.get().index() == i && !last.containsKey(i)
              ? overran(i, c, overrun.get())
              : judgeCase(i, c, last.get(i), seen.getOrDefault(i, 0), overrun);
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
    return new TestReport(
        passed, suite.cases().size(), hiddenPassed, hiddenTotal, results, Optional.empty());
  }

  private static CaseResult overran(int index, TestSuite.Case c, Overrun overrun) {
    return new CaseResult(
        index,
        c.hidden(),
        CaseStatus.TIME_LIMIT,
        overrun.ms(),
        null,
        shown(c.expected()),
        "",
        overrun.caseLimit()
            ? "No answer within the time limit of "
                + c.timeLimitMs()
                + " ms; the run was stopped here."
            : "The run's time ran out during this case (its limit is " + c.timeLimitMs() + " ms).");
  }

  private static CaseResult judgeCase(
      int index, TestSuite.Case c, Record record, int times, Optional<Overrun> overrun) {
    boolean hidden = c.hidden();
    // A generated value is shown as its generator: compact, and what the problem's author wrote.
    String expectedText = shown(c.expected());
    if (record == null) {
      return new CaseResult(
          index,
          hidden,
          CaseStatus.ERROR,
          0,
          null,
          expectedText,
          "",
          overrun.isPresent()
              ? "Not run: an earlier case went over its time limit."
              : "No result: the program stopped before this case.");
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
    if (!record.ok()) {
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
    if (record.ms() > c.timeLimitMs()) {
      return new CaseResult(
          index,
          hidden,
          CaseStatus.TIME_LIMIT,
          record.ms(),
          shown(actual),
          expectedText,
          "",
          String.format(
              java.util.Locale.ROOT,
              "Took %.0f ms, over the time limit of %d ms.",
              record.ms(),
              c.timeLimitMs()));
    }
    // Expanded only now: an error or a time limit needs no comparison.
    String diff = diff("", Generators.expand(c.expected()), actual);
    return new CaseResult(
        index,
        hidden,
        diff.isEmpty() ? CaseStatus.PASSED : CaseStatus.FAILED,
        record.ms(),
        shown(actual),
        expectedText,
        diff,
        "");
  }

  /** A value as a report shows it: its JSON, cut at {@link #SHOWN_CHARS}. */
  static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() <= SHOWN_CHARS
        ? text
        : text.substring(0, SHOWN_CHARS) + "... (" + text.length() + " characters)";
  }

  /** The first difference as one line ("[2]: expected 5, got 4"), empty if equal. */
  static String diff(String path, JsonNode expected, JsonNode actual) {
    String at = "result" + path;
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
        return expected.bigIntegerValue().equals(actual.bigIntegerValue())
            ? ""
            : mismatch(at, expected, actual);
      }
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      return Math.abs(e - a) <= TOLERANCE * Math.max(1, Math.abs(e))
          ? ""
          : mismatch(at, expected, actual);
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
    return expected.equals(actual) ? "" : mismatch(at, expected, actual);
  }

  /** One value where another was expected, each cut as a report shows values. */
  private static String mismatch(String at, JsonNode expected, JsonNode actual) {
    return at + ": expected " + shown(expected) + ", got " + shown(actual);
  }
}
