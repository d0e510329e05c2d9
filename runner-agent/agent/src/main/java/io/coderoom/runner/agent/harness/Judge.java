package io.coderoom.runner.agent.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 *
 * <p>Values are compared as the suite says: doubles anywhere in a value within its {@link
 * TestSuite#tolerance() tolerance} ({@code |a-b| <= tolerance * max(1, |a|, |b|)}), integers
 * exactly; with {@link TestSuite#order() order} {@code any} a returned array counts as a multiset
 * (both arrays are sorted before they are compared), and with {@code any-nested} each of its inner
 * arrays too.
 */
public final class Judge {
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
              : judgeCase(suite, i, c, last.get(i), seen.getOrDefault(i, 0), overrun);
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
      TestSuite suite,
      int index,
      TestSuite.Case c,
      Record record,
      int times,
      Optional<Overrun> overrun) {
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
    String diff = compare(suite, Generators.expand(c.expected()), actual);
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

  /**
   * The first difference between an expected and a returned value as one line, empty if they are
   * equal as the suite compares them.
   */
  static String compare(TestSuite suite, JsonNode expected, JsonNode actual) {
    double tolerance = suite.tolerance();
    return switch (suite.order()) {
      case TestSuite.ORDER_ANY, TestSuite.ORDER_ANY_NESTED -> {
        boolean nested = suite.order().equals(TestSuite.ORDER_ANY_NESTED);
        if (!expected.isArray() || !actual.isArray()) {
          yield diff("", expected, actual, tolerance);
        }
        String d = diff("", sorted(expected, nested), sorted(actual, nested), tolerance);
        yield d.isEmpty() ? "" : "in any order, sorted: " + d;
      }
      default -> diff("", expected, actual, tolerance);
    };
  }

  /** The first difference as one line ("[2]: expected 5, got 4"), empty if equal. */
  static String diff(String path, JsonNode expected, JsonNode actual) {
    return diff(path, expected, actual, TestSuite.DEFAULT_TOLERANCE);
  }

  private static String diff(String path, JsonNode expected, JsonNode actual, double tolerance) {
    String at = "result" + path;
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
        return expected.bigIntegerValue().equals(actual.bigIntegerValue())
            ? ""
            : mismatch(at, expected, actual);
      }
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      return Math.abs(e - a) <= tolerance * Math.max(1, Math.max(Math.abs(e), Math.abs(a)))
          ? ""
          : mismatch(at, expected, actual);
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return at + ": expected " + expected.size() + " elements, got " + actual.size();
      }
      for (int i = 0; i < expected.size(); i++) {
        String d = diff(path + "[" + i + "]", expected.get(i), actual.get(i), tolerance);
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
        String d = diff(path + "." + name, expected.get(name), a, tolerance);
        if (!d.isEmpty()) {
          return d;
        }
      }
      if (expected.size() == actual.size()) {
        return "";
      }
      Iterator<String> extra = actual.fieldNames();
      while (extra.hasNext()) {
        String name = extra.next();
        if (!expected.has(name)) {
          return at + "." + name + ": not expected";
        }
      }
      return at + ": unexpected fields";
    }
    return expected.equals(actual) ? "" : mismatch(at, expected, actual);
  }

  /**
   * An array with its elements in a canonical order (and, when nested, each inner array's too), so
   * that two arrays holding the same elements in any order compare equal element by element.
   * Doubles within the tolerance of each other sort next to each other, so they still pair up.
   */
  private static JsonNode sorted(JsonNode array, boolean nested) {
    List<JsonNode> elements = new ArrayList<>();
    for (JsonNode element : array) {
      elements.add(nested && element.isArray() ? sorted(element, false) : element);
    }
    elements.sort(Judge::canonical);
    ArrayNode sorted = MAPPER.createArrayNode();
    elements.forEach(sorted::add);
    return sorted;
  }

  /** A total order of JSON values: by kind, then by value (arrays element by element). */
  private static int canonical(JsonNode a, JsonNode b) {
    int kinds = Integer.compare(rank(a), rank(b));
    if (kinds != 0) {
      return kinds;
    }
    if (a.isNumber()) {
      return a.isIntegralNumber() && b.isIntegralNumber()
          ? a.bigIntegerValue().compareTo(b.bigIntegerValue())
          : Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (a.isBoolean()) {
      return Boolean.compare(a.booleanValue(), b.booleanValue());
    }
    if (a.isTextual()) {
      return a.textValue().compareTo(b.textValue());
    }
    if (a.isArray()) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = canonical(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
    return a.toString().compareTo(b.toString());
  }

  private static int rank(JsonNode value) {
    if (value.isNull()) {
      return 0;
    }
    if (value.isBoolean()) {
      return 1;
    }
    if (value.isNumber()) {
      return 2;
    }
    if (value.isTextual()) {
      return 3;
    }
    return value.isArray() ? 4 : 5;
  }

  /** One value where another was expected, each cut as a report shows values. */
  private static String mismatch(String at, JsonNode expected, JsonNode actual) {
    return at + ": expected " + shown(expected) + ", got " + shown(actual);
  }
}
