package io.coderoom.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestSuiteTest {
  private static final String MIN_STACK =
      """
      {"kind": "design",
       "design": {"class": "MinStack", "constructor": [],
                  "methods": [{"name": "push", "params": [{"name": "x", "type": "int"}],
                               "returns": "void"},
                              {"name": "getMin", "params": [], "returns": "int"}]},
       "cases": [{"input": [["MinStack", "push", "push", "getMin"], [[], [3], [1], []]],
                  "expected": [null, null, null, 1], "hidden": false},
                 {"input": [["MinStack", "getMin"], [[], []]], "expected": [null, 0],
                  "hidden": true}]}
      """;

  @Test
  void functionSuitesTakeTheDefaults() {
    TestSuite suite =
        TestSuite.fromJson(
            """
            {"function": "f", "params": [{"name": "a", "type": "int"}], "returns": "int",
             "cases": [{"input": [1], "expected": 1, "hidden": false}]}
            """);
    assertThat(suite.kind()).isEqualTo("function");
    assertThat(suite.order()).isEqualTo("exact");
    assertThat(suite.tolerance()).isEqualTo(TestSuite.DEFAULT_TOLERANCE);
    assertThat(suite.checker()).isNull();
    assertThat(suite)
        .isEqualTo(
            new TestSuite(
                "f",
                List.of(new TestSuite.Param("a", "int")),
                "int",
                List.of(new TestSuite.Case(Json.tree("[1]"), Json.tree("1"), false))));
    assertThat(TestSuite.fromJson(suite.toJson())).isEqualTo(suite);
  }

  @Test
  void everyTypeOfTheGrammarParses() {
    for (String type :
        List.of(
            "int",
            "long",
            "double",
            "boolean",
            "string",
            "char",
            "ListNode",
            "TreeNode",
            "int[][][]",
            "char[][]",
            "map<string,int>",
            "map<int, string[]>",
            "map<char,map<long,double[]>>",
            "map<string,int>[]",
            "TreeNode[]")) {
      TestSuite suite =
          new TestSuite("f", List.of(new TestSuite.Param("a", type)), type, List.of());
      assertThat(TestSuite.fromJson(suite.toJson())).isEqualTo(suite);
    }
    assertThat(ValueType.parse("map<int, string[]>").text()).isEqualTo("map<int,string[]>");
    assertThat(ValueType.parse("map<char,double[]>[]").holdsDouble()).isTrue();
    assertThat(ValueType.parse("map<char,long[]>[]").holdsDouble()).isFalse();
  }

  @Test
  void badTypesAreNamed() {
    assertThatThrownBy(() -> new TestSuite.Param("a", "float"))
        .hasMessageContaining("unsupported type float")
        .hasMessageContaining("unknown type name 'float'");
    assertThatThrownBy(() -> new TestSuite.Param("a", "map<double,int>"))
        .hasMessageContaining("key is int, long, string or char, not double");
    assertThatThrownBy(() -> new TestSuite.Param("a", "map<int>")).hasMessageContaining("map<K,V>");
    assertThatThrownBy(() -> new TestSuite.Param("a", "void"))
        .hasMessageContaining("cannot be void");
    assertThatThrownBy(() -> new TestSuite.Param("a", "void[]"))
        .hasMessageContaining("void is only a design method's result");
    assertThatThrownBy(() -> new TestSuite("f", List.of(), "void", List.of()))
        .hasMessageContaining("not void");
  }

  @Test
  void designSuitesRoundTripAndKeepTheirShape() {
    TestSuite suite = TestSuite.fromJson(MIN_STACK);
    assertThat(suite.ofKind(TestSuite.DESIGN)).isTrue();
    assertThat(suite.design().className()).isEqualTo("MinStack");
    assertThat(suite.design().method("push").orElseThrow().returnType())
        .isEqualTo(ValueType.Scalar.VOID);
    assertThat(suite.toJson()).contains("\"class\":\"MinStack\"").doesNotContain("className");
    assertThat(TestSuite.fromJson(suite.toJson())).isEqualTo(suite);
    assertThat(suite.publicOnly().cases()).hasSize(1);
    assertThat(suite.publicOnly().design()).isEqualTo(suite.design());
  }

  @Test
  void designCasesAreCheckedCallByCall() {
    assertThatThrownBy(() -> TestSuite.fromJson(MIN_STACK.replace("\"getMin\"]", "\"pop\"]")))
        .hasMessageContaining("case 0")
        .hasMessageContaining("MinStack has no method pop");
    assertThatThrownBy(
            () -> TestSuite.fromJson(MIN_STACK.replace("[[], [3], [1], []]", "[[], [3], [], []]")))
        .hasMessageContaining("call 2 (push) takes 1 arguments");
    assertThatThrownBy(() -> TestSuite.fromJson(MIN_STACK.replace("[null, 0]", "[null]")))
        .hasMessageContaining("expected has 1 results for 2 calls");
    assertThatThrownBy(
            () ->
                TestSuite.fromJson(
                    MIN_STACK.replace("[null, null, null, 1]", "[null, 4, null, 1]")))
        .hasMessageContaining("returns nothing");
    assertThatThrownBy(
            () ->
                TestSuite.fromJson(
                    MIN_STACK.replace("[\"MinStack\", \"getMin\"]", "[\"getMin\", \"getMin\"]")))
        .hasMessageContaining("first call constructs MinStack");
    assertThatThrownBy(
            () ->
                TestSuite.fromJson(
                    MIN_STACK.replace(
                        "\"kind\": \"design\",", "\"kind\": \"design\", \"function\": \"f\",")))
        .hasMessageContaining("no function");
    assertThatThrownBy(() -> TestSuite.fromJson(MIN_STACK.replace("MinStack", "Main")))
        .hasMessageContaining("cannot be named Main");
  }

  @Test
  void stdioSuitesCarryTheirChecker() {
    TestSuite suite =
        TestSuite.fromJson(
            """
            {"kind": "stdio", "checker": "tokens",
             "cases": [{"input": ["1 2\\n"], "expected": "3\\n", "hidden": false},
                       {"input": [{"$join": [{"$range": [0, 10, 1]}, " "]}], "expected": "45",
                        "hidden": true}]}
            """);
    assertThat(suite.checker()).isEqualTo("tokens");
    assertThat(TestSuite.fromJson(suite.toJson())).isEqualTo(suite);
    assertThat(TestSuite.fromJson("{\"kind\": \"stdio\", \"cases\": []}").checker())
        .isEqualTo("exact");
    assertThatThrownBy(
            () ->
                TestSuite.fromJson(
                    "{\"kind\": \"stdio\", \"cases\": [{\"input\": [1], \"expected\": \"1\"}]}"))
        .hasMessageContaining("one-element array holding the stdin text");
    assertThatThrownBy(() -> TestSuite.fromJson("{\"kind\": \"stdio\", \"checker\": \"diff\"}"))
        .hasMessageContaining("checker must be exact or tokens");
  }

  @Test
  void orderToleranceAndKindAreChecked() {
    String base = "{\"function\": \"f\", \"params\": [], \"returns\": \"double[]\"";
    TestSuite any = TestSuite.fromJson(base + ", \"order\": \"any-nested\", \"tolerance\": 0.001}");
    assertThat(any.order()).isEqualTo("any-nested");
    assertThat(any.tolerance()).isEqualTo(0.001);
    assertThat(TestSuite.fromJson(base + ", \"tolerance\": 0}").tolerance()).isZero();
    assertThatThrownBy(() -> TestSuite.fromJson(base + ", \"order\": \"sorted\"}"))
        .hasMessageContaining("order must be exact, any or any-nested");
    assertThatThrownBy(() -> TestSuite.fromJson(base + ", \"tolerance\": -1}"))
        .hasMessageContaining("tolerance must be");
    assertThatThrownBy(() -> TestSuite.fromJson(base + ", \"kind\": \"quiz\"}"))
        .hasMessageContaining("kind must be function, design or stdio");
    assertThatThrownBy(() -> TestSuite.fromJson(base + ", \"checker\": \"tokens\"}"))
        .hasMessageContaining("checker is for stdio problems only");
  }
}
