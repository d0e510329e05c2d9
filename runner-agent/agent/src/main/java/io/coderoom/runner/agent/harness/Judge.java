package io.coderoom.runner.agent.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * never.
 */
public final class Judge {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double TOLERANCE = 1e-6;

  private Judge() {}

  /** The report of a run whose harness wrote these records (every hidden phase left empty). */
  static TestReport judge(TestSuite suite, List<Record> records) {
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
          judgeCase(i, c.hidden(), c.expected(), last.get(i), seen.getOrDefault(i, 0));
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
}
