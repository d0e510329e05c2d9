package io.coderoom.runner.agent.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.agent.sandbox.Program;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.TestSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the C++, Go and C# harnesses put beside the candidate's code. */
class NativeHarnessTest {
  private static final TestSuite PLAIN =
      new TestSuite("twoSum", List.of(new TestSuite.Param("nums", "int[]")), "int[]", List.of());
  private static final TestSuite LIST =
      new TestSuite(
          "reverse", List.of(new TestSuite.Param("head", "ListNode")), "ListNode", List.of());

  private static Program program(String language, TestSuite suite, String code) {
    return Harness.forLanguage(Languages.builtIn().find(language).orElseThrow(), suite)
        .program(code, "00112233445566778899aabbccddeeff");
  }

  @Test
  void cppDeclaresListNodeOnlyForProblemsWhoseTypesNameIt() {
    String plain = program("cpp", PLAIN, "").files().get("main.cpp");
    assertThat(plain).doesNotContain("struct ListNode").contains("solution.twoSum(a0)");
    String list = program("cpp", LIST, "").files().get("main.cpp");
    assertThat(list)
        .contains("struct ListNode", "struct TreeNode")
        .contains("coderoom::Conv<ListNode*>::from(args.at(0))");
    // The nonce is read before the candidate's file is included either way.
    assertThat(list.indexOf("read_nonce()")).isLessThan(list.indexOf("#include \"/code/solution"));
  }

  @Test
  void aGoFileKeepsItsOwnPackageClauseAfterLeadingComments() {
    String commented = "// Two sum.\n/* linear */\npackage main\n\nfunc twoSum() {}\n";
    assertThat(program("go", PLAIN, commented).files().get("solution.go")).isEqualTo(commented);
    assertThat(program("go", PLAIN, "func twoSum() {}\n").files().get("solution.go"))
        .isEqualTo("package main\nfunc twoSum() {}\n");
    assertThat(program("go", PLAIN, "").files().get("main.go"))
        .contains("coderoomFunction(\"twoSum\", twoSum, args, \"int[]\")");
  }

  @Test
  void csharpIsToldTheDesignClassOrTheFunction() {
    TestSuite design =
        TestSuite.fromJson(
            """
            {"kind": "design",
             "design": {"class": "MinStack", "constructor": [],
                        "methods": [{"name": "push", "params": [{"name": "x", "type": "int"}],
                                     "returns": "void"}]},
             "cases": []}
            """);
    assertThat(program("csharp", design, "").files().get("main.cs"))
        .contains("const string DesignClass = \"MinStack\";")
        .contains("const string Function = \"\";");
    assertThat(program("csharp", PLAIN, "").files().get("main.cs"))
        .contains("const string DesignClass = \"\";")
        .contains("const string Function = \"twoSum\";");
  }
}
