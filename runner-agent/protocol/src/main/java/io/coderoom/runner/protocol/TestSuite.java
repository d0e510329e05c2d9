package io.coderoom.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A function-mode problem as a job carries it: the function to call, its typed parameters, and the
 * cases. Inputs go into the container; expected outputs never do (the agent compares).
 *
 * <p>Types are {@code int}, {@code long}, {@code double}, {@code boolean}, {@code string} and
 * arrays of them ({@code int[]}, {@code string[][]}, ...), which every runner language maps to a
 * native type.
 *
 * @param function name of the candidate's function (a method of class {@code Solution} in Java and
 *     C#)
 * @param params the parameters in order
 * @param returns the return type
 * @param cases the test cases in order; their index is their id
 */
public record TestSuite(String function, List<Param> params, String returns, List<Case> cases) {

  /** A typed parameter. */
  public record Param(String name, String type) {
    public Param {
      Objects.requireNonNull(name, "name");
      checkType(type);
    }
  }

  /** A case's time limit when its problem names none. */
  public static final long DEFAULT_CASE_TIME_LIMIT_MS = 2_000;

  /**
   * One test case.
   *
   * @param input the arguments, a JSON array with one element per parameter; an argument may be a
   *     {@link Generators generator} (performance cases), expanded by the agent
   * @param expected the expected return value, possibly a generator too
   * @param hidden hidden cases report only pass/fail counts to a candidate
   * @param timeLimitMs how long the function may take on this case; a call that takes longer is
   *     reported as {@link TestReport.CaseStatus#TIME_LIMIT} (0 when absent: {@link
   *     #DEFAULT_CASE_TIME_LIMIT_MS})
   */
  public record Case(JsonNode input, JsonNode expected, boolean hidden, long timeLimitMs) {
    public Case {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(expected, "expected");
      if (!input.isArray()) {
        throw new IllegalArgumentException("a case's input must be a JSON array of arguments");
      }
      if (timeLimitMs < 0) {
        throw new IllegalArgumentException("a case's time limit must be positive");
      }
      if (timeLimitMs == 0) {
        timeLimitMs = DEFAULT_CASE_TIME_LIMIT_MS;
      }
    }

    /** A case with the default time limit. */
    public Case(JsonNode input, JsonNode expected, boolean hidden) {
      this(input, expected, hidden, DEFAULT_CASE_TIME_LIMIT_MS);
    }
  }

  public TestSuite {
    Objects.requireNonNull(function, "function");
    if (!function.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      throw new IllegalArgumentException("function must be an identifier, was " + function);
    }
    params = List.copyOf(params);
    checkType(returns);
    cases = List.copyOf(cases);
    for (Case c : cases) {
      if (c.input().size() != params.size()) {
        throw new IllegalArgumentException(
            "a case has " + c.input().size() + " arguments, the function takes " + params.size());
      }
    }
  }

  /** The same function with its public cases only: what "Run examples" runs. */
  public TestSuite publicOnly() {
    return new TestSuite(
        function, params, returns, cases.stream().filter(c -> !c.hidden()).toList());
  }

  /** The element type of an array type, or the type itself. */
  public static String elementType(String type) {
    return type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
  }

  private static void checkType(String type) {
    Objects.requireNonNull(type, "type");
    if (!type.matches("(int|long|double|boolean|string)(\\[\\])*")) {
      throw new IllegalArgumentException("unsupported type " + type);
    }
  }

  public String toJson() {
    return Json.write(this);
  }

  public static TestSuite fromJson(String json) {
    return Json.read(json, TestSuite.class);
  }
}
