package io.coderoom.runner.agent.harness;

import io.coderoom.runner.protocol.TestSuite;

/**
 * Fills in {@code main.cs}, which finds the candidate's method or design class by reflection and
 * converts each argument to the type the candidate's signature declares.
 */
final class CsharpHarness {
  private CsharpHarness() {}

  /** {@code main.cs} for this suite: the function's name, or the design problem's class. */
  static String source(String template, TestSuite suite) {
    boolean design = suite.ofKind(TestSuite.DESIGN);
    return template
        .replace("__CLASS__", design ? suite.design().className() : "")
        .replace("__FUNCTION__", design ? "" : suite.function());
  }
}
