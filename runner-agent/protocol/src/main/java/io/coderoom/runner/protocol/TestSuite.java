package io.coderoom.runner.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A problem as a job carries it: what the candidate's code is (a function, a class, or a whole
 * program reading stdin), how results are compared, and the cases. Inputs go into the container;
 * expected outputs never do (the agent compares).
 *
 * <p>Three kinds:
 *
 * <ul>
 *   <li>{@code function}: a function (a method of class {@code Solution} in Java, C# and C++) with
 *       typed {@code params} and a {@code returns} type; a case's input holds one argument per
 *       parameter and its expected value is the returned one. Types are those of {@link ValueType}.
 *   <li>{@code design}: a class ({@link Design}); a case's input is two arrays, the calls' names
 *       (the class's name first, for the constructor, then method names) and their arguments
 *       ({@code [["MinStack","push","top"], [[],[5],[]]]}); its expected value is one result per
 *       call, {@code null} for the constructor and for {@code void} methods.
 *   <li>{@code stdio}: a whole program; a case's input is a one-element array holding the stdin
 *       text, its expected value the stdout text, compared by the {@code checker}.
 * </ul>
 *
 * @param kind {@code function} (the default), {@code design} or {@code stdio}
 * @param function name of the candidate's function (function kind only)
 * @param params the function's parameters in order (function kind only; empty otherwise)
 * @param returns the function's return type (function kind only)
 * @param design the class, its constructor and methods (design kind only)
 * @param order how a returned array is compared: {@code exact} (the default), {@code any} (the
 *     top-level array as a multiset) or {@code any-nested} (also each inner array as a multiset)
 * @param tolerance how far a {@code double} may be from the expected one, relative to the larger
 *     magnitude (and absolute below 1): {@code |a-b| <= tolerance * max(1, |a|, |b|)}; default
 *     {@link #DEFAULT_TOLERANCE}
 * @param checker how a stdio program's output is compared: {@code exact} (the default: trailing
 *     whitespace of each line and of the end ignored) or {@code tokens} (whitespace-separated
 *     tokens); stdio kind only
 * @param cases the test cases in order; their index is their id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestSuite(
    String kind,
    String function,
    List<Param> params,
    String returns,
    Design design,
    String order,
    double tolerance,
    String checker,
    List<Case> cases) {

  public static final String FUNCTION = "function";
  public static final String DESIGN = "design";
  public static final String STDIO = "stdio";
  public static final String ORDER_EXACT = "exact";
  public static final String ORDER_ANY = "any";
  public static final String ORDER_ANY_NESTED = "any-nested";
  public static final String CHECKER_EXACT = "exact";
  public static final String CHECKER_TOKENS = "tokens";

  /** A double's tolerance when the problem names none. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** A case's time limit when its problem names none. */
  public static final long DEFAULT_CASE_TIME_LIMIT_MS = 2_000;

  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,63}";

  /** Class names a harness declares itself, so a design's class cannot take them. */
  private static final List<String> RESERVED_CLASSES = List.of("Main", "ListNode", "TreeNode");

  /** A typed parameter. */
  public record Param(String name, String type) {
    public Param {
      Objects.requireNonNull(name, "a parameter's name");
      if (!name.matches(IDENTIFIER)) {
        throw new IllegalArgumentException("a parameter's name must be an identifier, was " + name);
      }
      if (ValueType.parse(type) == ValueType.Scalar.VOID) {
        throw new IllegalArgumentException("parameter " + name + " cannot be void");
      }
    }

    /** The parsed type. */
    public ValueType valueType() {
      return ValueType.parse(type);
    }
  }

  /**
   * A design problem's class.
   *
   * @param className the class's name ({@code "class"} in JSON)
   * @param constructor the constructor's parameters
   * @param methods the methods a case may call
   */
  public record Design(
      @JsonProperty("class") String className, List<Param> constructor, List<Method> methods) {
    public Design {
      Objects.requireNonNull(className, "a design's class");
      if (!className.matches(IDENTIFIER)) {
        throw new IllegalArgumentException(
            "a design's class must be an identifier, was " + className);
      }
      if (RESERVED_CLASSES.contains(className)) {
        throw new IllegalArgumentException(
            "a design's class cannot be named "
                + className
                + ": the harnesses use that name ("
                + String.join(", ", RESERVED_CLASSES)
                + ")");
      }
      constructor = constructor == null ? List.of() : List.copyOf(constructor);
      methods = methods == null ? List.of() : List.copyOf(methods);
      if (methods.isEmpty()) {
        throw new IllegalArgumentException("design " + className + " has no methods");
      }
      Set<String> names = new HashSet<>();
      for (Method method : methods) {
        if (!names.add(method.name())) {
          throw new IllegalArgumentException(
              "design " + className + " has two methods named " + method.name());
        }
        if (method.name().equals(className)) {
          throw new IllegalArgumentException(
              "design " + className + " has a method named like the class");
        }
      }
    }

    /** The method of a name. */
    public java.util.Optional<Method> method(String name) {
      return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }
  }

  /**
   * A design class's method.
   *
   * @param returns its result type, {@code void} for none
   */
  public record Method(String name, List<Param> params, String returns) {
    public Method {
      Objects.requireNonNull(name, "a method's name");
      if (!name.matches(IDENTIFIER)) {
        throw new IllegalArgumentException("a method's name must be an identifier, was " + name);
      }
      params = params == null ? List.of() : List.copyOf(params);
      if (returns == null) {
        throw new IllegalArgumentException("method " + name + " has no returns type");
      }
      ValueType.parse(returns);
    }

    /** The parsed result type. */
    public ValueType returnType() {
      return ValueType.parse(returns);
    }
  }

  /**
   * One test case.
   *
   * @param input the arguments, a JSON array with one element per parameter (see the kinds above);
   *     an argument may be a {@link Generators generator} (performance cases), expanded by the
   *     agent
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
    kind = kind == null ? FUNCTION : kind;
    order = order == null ? ORDER_EXACT : order;
    params = params == null ? List.of() : List.copyOf(params);
    cases = cases == null ? List.of() : List.copyOf(cases);
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance must be a finite number >= 0, was " + tolerance);
    }
    if (!List.of(ORDER_EXACT, ORDER_ANY, ORDER_ANY_NESTED).contains(order)) {
      throw new IllegalArgumentException("order must be exact, any or any-nested, was " + order);
    }
    switch (kind) {
      case FUNCTION -> checkFunction(function, params, returns, design, checker, cases);
      case DESIGN -> checkDesign(function, params, returns, design, checker, cases);
      case STDIO -> {
        checker = checker == null ? CHECKER_EXACT : checker;
        checkStdio(function, params, returns, design, checker, order, cases);
      }
      default ->
          throw new IllegalArgumentException("kind must be function, design or stdio, was " + kind);
    }
  }

  /** A function problem (the shape every problem had before designs and stdio). */
  public TestSuite(String function, List<Param> params, String returns, List<Case> cases) {
    this(FUNCTION, function, params, returns, null, ORDER_EXACT, DEFAULT_TOLERANCE, null, cases);
  }

  /**
   * Reads a suite from JSON, where {@code kind}, {@code order}, {@code tolerance} and {@code
   * checker} may be absent and take their defaults.
   */
  @JsonCreator
  static TestSuite fromJsonFields(
      @JsonProperty("kind") String kind,
      @JsonProperty("function") String function,
      @JsonProperty("params") List<Param> params,
      @JsonProperty("returns") String returns,
      @JsonProperty("design") Design design,
      @JsonProperty("order") String order,
      @JsonProperty("tolerance") Double tolerance,
      @JsonProperty("checker") String checker,
      @JsonProperty("cases") List<Case> cases) {
    return new TestSuite(
        kind,
        function,
        params,
        returns,
        design,
        order,
        tolerance == null ? DEFAULT_TOLERANCE : tolerance,
        checker,
        cases);
  }

  /** Whether this suite is of a kind ({@link #FUNCTION}, {@link #DESIGN} or {@link #STDIO}). */
  public boolean ofKind(String name) {
    return kind.equals(name);
  }

  /** The same problem with its public cases only: what "Run examples" runs. */
  public TestSuite publicOnly() {
    return new TestSuite(
        kind,
        function,
        params,
        returns,
        design,
        order,
        tolerance,
        checker,
        cases.stream().filter(c -> !c.hidden()).toList());
  }

  /** The element type of an array type, or the type itself. */
  public static String elementType(String type) {
    return type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
  }

  private static void checkFunction(
      String function,
      List<Param> params,
      String returns,
      Design design,
      String checker,
      List<Case> cases) {
    if (function == null) {
      throw new IllegalArgumentException("a function problem names its function");
    }
    if (!function.matches(IDENTIFIER)) {
      throw new IllegalArgumentException("function must be an identifier, was " + function);
    }
    if (returns == null) {
      throw new IllegalArgumentException("a function problem names its returns type");
    }
    if (ValueType.parse(returns) == ValueType.Scalar.VOID) {
      throw new IllegalArgumentException("a function must return a value, not void");
    }
    if (design != null) {
      throw new IllegalArgumentException("a function problem has no design (kind is function)");
    }
    if (checker != null) {
      throw new IllegalArgumentException("checker is for stdio problems only");
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (c.input().size() != params.size()) {
        throw new IllegalArgumentException(
            "case "
                + i
                + " has "
                + c.input().size()
                + " arguments, the function takes "
                + params.size());
      }
    }
  }

  private static void checkDesign(
      String function,
      List<Param> params,
      String returns,
      Design design,
      String checker,
      List<Case> cases) {
    if (design == null) {
      throw new IllegalArgumentException("a design problem describes its class in design");
    }
    if (function != null || !params.isEmpty() || returns != null) {
      throw new IllegalArgumentException(
          "a design problem has no function, params or returns (its methods are in design)");
    }
    if (checker != null) {
      throw new IllegalArgumentException("checker is for stdio problems only");
    }
    for (int i = 0; i < cases.size(); i++) {
      try {
        checkCalls(design, cases.get(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("case " + i + ": " + e.getMessage(), e);
      }
    }
  }

  /** Checks a design case's calls where they are written out (generators are checked later). */
  private static void checkCalls(Design design, Case c) {
    JsonNode input = c.input();
    if (input.size() != 2) {
      throw new IllegalArgumentException(
          "a design case's input is two arrays, the calls' names and their arguments");
    }
    JsonNode names = input.get(0);
    JsonNode args = input.get(1);
    if (Generators.generated(names) || Generators.generated(args)) {
      return;
    }
    if (!names.isArray() || !args.isArray() || names.size() != args.size()) {
      throw new IllegalArgumentException(
          "a design case's input is two arrays of the same length, the calls' names and their"
              + " arguments");
    }
    if (names.isEmpty() || !design.className().equals(names.get(0).asText())) {
      throw new IllegalArgumentException(
          "a design case's first call constructs " + design.className());
    }
    JsonNode expected = c.expected();
    boolean checkResults = expected.isArray() && !Generators.generated(expected);
    if (checkResults && expected.size() != names.size()) {
      throw new IllegalArgumentException(
          "expected has "
              + expected.size()
              + " results for "
              + names.size()
              + " calls (one per call, null for the constructor and void methods)");
    }
    if (!checkResults && !Generators.generated(expected)) {
      throw new IllegalArgumentException("a design case's expected value is an array of results");
    }
    for (int call = 0; call < names.size(); call++) {
      JsonNode name = names.get(call);
      if (!name.isTextual()) {
        throw new IllegalArgumentException("call " + call + "'s name is not a string");
      }
      List<Param> takes;
      boolean returnsNothing;
      if (call == 0) {
        takes = design.constructor();
        returnsNothing = true;
      } else {
        Method method =
            design
                .method(name.asText())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            design.className() + " has no method " + name.asText()));
        takes = method.params();
        returnsNothing = method.returnType() == ValueType.Scalar.VOID;
      }
      JsonNode callArgs = args.get(call);
      if (!callArgs.isArray() || callArgs.size() != takes.size()) {
        throw new IllegalArgumentException(
            "call "
                + call
                + " ("
                + name.asText()
                + ") takes "
                + takes.size()
                + " arguments, the case gives "
                + (callArgs.isArray() ? callArgs.size() : "no array of them"));
      }
      if (checkResults && returnsNothing && !expected.get(call).isNull()) {
        throw new IllegalArgumentException(
            "call "
                + call
                + " ("
                + name.asText()
                + ") returns nothing, so its expected result is null");
      }
    }
  }

  private static void checkStdio(
      String function,
      List<Param> params,
      String returns,
      Design design,
      String checker,
      String order,
      List<Case> cases) {
    if (function != null || !params.isEmpty() || returns != null || design != null) {
      throw new IllegalArgumentException(
          "a stdio problem has no function, params, returns or design (it is a whole program)");
    }
    if (!List.of(CHECKER_EXACT, CHECKER_TOKENS).contains(checker)) {
      throw new IllegalArgumentException("checker must be exact or tokens, was " + checker);
    }
    if (!ORDER_EXACT.equals(order)) {
      throw new IllegalArgumentException("a stdio problem's output is compared by its checker");
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (c.input().size() != 1
          || !(c.input().get(0).isTextual() || Generators.generated(c.input().get(0)))) {
        throw new IllegalArgumentException(
            "case " + i + ": a stdio case's input is a one-element array holding the stdin text");
      }
      if (!(c.expected().isTextual() || Generators.generated(c.expected()))) {
        throw new IllegalArgumentException(
            "case " + i + ": a stdio case's expected value is the stdout text");
      }
    }
  }

  public String toJson() {
    return Json.write(this);
  }

  public static TestSuite fromJson(String json) {
    return Json.read(json, TestSuite.class);
  }
}
