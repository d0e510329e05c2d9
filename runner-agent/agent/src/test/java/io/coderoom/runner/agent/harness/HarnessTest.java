package io.coderoom.runner.agent.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.agent.sandbox.Program;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.TestSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessTest {
  private static final TestSuite TREE =
      TestSuite.fromJson(
          """
          {"function": "invert", "params": [{"name": "root", "type": "TreeNode"},
                                             {"name": "m", "type": "map<int, string[]>"}],
           "returns": "TreeNode", "cases": []}
          """);
  private static final TestSuite PLAIN =
      new TestSuite("twoSum", List.of(new TestSuite.Param("nums", "int[]")), "int[]", List.of());
  private static final TestSuite DESIGN =
      TestSuite.fromJson(
          """
          {"kind": "design",
           "design": {"class": "MinStack", "constructor": [],
                      "methods": [{"name": "push", "params": [{"name": "x", "type": "long"}],
                                   "returns": "void"}]},
           "cases": []}
          """);

  private static Program program(String language, TestSuite suite, String code) {
    return Harness.forLanguage(Languages.builtIn().find(language).orElseThrow(), suite)
        .program(code, "00112233445566778899aabbccddeeff");
  }

  @Test
  void theSignatureCarriesTheTypesInTheirCanonicalText() {
    Harness tree = Harness.forLanguage(Languages.builtIn().find("python").orElseThrow(), TREE);
    assertThat(tree.signature())
        .isEqualTo(
            "{\"kind\":\"function\",\"name\":\"invert\",\"params\":[\"TreeNode\","
                + "\"map<int,string[]>\"],\"returns\":\"TreeNode\"}");
    Harness design = Harness.forLanguage(Languages.builtIn().find("python").orElseThrow(), DESIGN);
    assertThat(design.signature())
        .isEqualTo(
            "{\"kind\":\"design\",\"name\":\"MinStack\",\"constructor\":[],"
                + "\"methods\":{\"push\":{\"params\":[\"long\"],\"returns\":\"void\"}}}");
    assertThat(program("python", DESIGN, "").files().get("main.py"))
        .contains("json.loads('" + design.signature() + "')");
    assertThat(program("javascript", DESIGN, "").files().get("main.js"))
        .contains("const signature = " + design.signature() + ";");
  }

  @Test
  void nodeDeclarationsComeOnlyWithProblemsThatUseThem() {
    Program tree = program("typescript", TREE, "function invert() { return null; }\n");
    assertThat(tree.files()).containsKey("coderoom-nodes.d.ts");
    assertThat(tree.compile()).contains("/tmp/build/solution.js /code/coderoom-nodes.d.ts");
    // The candidate's file starts with the candidate's first line: line numbers stay.
    assertThat(tree.files().get("solution.ts")).startsWith("function invert()");
    Program plain = program("typescript", PLAIN, "");
    assertThat(plain.files()).doesNotContainKey("coderoom-nodes.d.ts");
    assertThat(plain.compile()).doesNotContain("coderoom-nodes");
    Program java = program("java", TREE, "class Solution {}");
    assertThat(java.files()).containsKeys("ListNode.java", "TreeNode.java", "Solution.java");
    assertThat(java.compile()).contains("/code/TreeNode.java");
    assertThat(program("java", PLAIN, "").files()).doesNotContainKeys("ListNode.java");
  }

  @Test
  void aJavaDesignClassIsCompiledFromAFileNamedAfterIt() {
    Program java = program("java", DESIGN, "public class MinStack {}");
    assertThat(java.files()).containsKey("MinStack.java").doesNotContainKey("Solution.java");
    assertThat(java.compile()).contains("/code/MinStack.java");
    assertThat(java.files().get("Main.java"))
        .contains("\"design\".equals(\"design\")")
        .contains("Class.forName(design ? \"MinStack\" : \"Solution\")");
  }
}
