package io.coderoom.runner.agent.harness;

import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.runner.protocol.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The C++ code that {@code main.cpp} runs for each case: it converts the case's arguments to the
 * C++ types the suite declares ({@code std::vector}, {@code std::unordered_map}, {@code ListNode*},
 * {@code TreeNode*}, ...), calls the candidate's {@code Solution} method or drives the design
 * problem's class, and writes the result as JSON. C++ has no reflection, so the declared types
 * decide the conversions at compile time.
 */
final class CppHarness {
  private CppHarness() {}

  private static final String NODES_BEGIN = "// BEGIN nodes";
  private static final String NODES_END = "// END nodes";

  /**
   * {@code main.cpp} with the calls of this suite in place; ListNode and TreeNode are declared only
   * when a type of the suite names them, so other problems' solutions may declare their own.
   */
  static String source(String template, TestSuite suite, boolean usesNodes) {
    String source = template;
    if (!usesNodes) {
      source =
          source.substring(0, source.indexOf(NODES_BEGIN))
              + source.substring(source.indexOf(NODES_END) + NODES_END.length());
    }
    return source.replace(
        "__CALL__", suite.ofKind(TestSuite.DESIGN) ? designCall(suite) : functionCall(suite));
  }

  private static String functionCall(TestSuite suite) {
    StringBuilder call = new StringBuilder();
    List<String> names = convertArguments(call, suite.params(), "args", "      ");
    call.append("      Solution solution;\n")
        .append("      auto r = solution.")
        .append(suite.function())
        .append("(")
        .append(String.join(", ", names))
        .append(");\n")
        .append("      coderoom::write(out, r);\n");
    return call.toString();
  }

  /**
   * LeetCode's design cases: the first call constructs the class, each later one calls a method by
   * name; the result is one value per call, null for the constructor and void methods. A call that
   * throws ends the case with an error naming the call ({@code call 2, pop(): ...}).
   */
  private static String designCall(TestSuite suite) {
    TestSuite.Design design = suite.design();
    String type = design.className();
    String indent = "          ";
    StringBuilder call = new StringBuilder();
    call.append("      const std::vector<coderoom::Value>& calls = args.at(0).items;\n")
        .append("      const std::vector<coderoom::Value>& callArgs = args.at(1).items;\n")
        .append("      if (calls.size() != callArgs.size() || calls.empty()) {\n")
        .append("        throw std::invalid_argument(\"a design case needs one argument list")
        .append(" per call\");\n")
        .append("      }\n")
        .append("      std::unique_ptr<")
        .append(type)
        .append("> object;\n")
        .append("      out << '[';\n")
        .append("      for (size_t k = 0; k < calls.size(); k++) {\n")
        .append("        if (k) out << ',';\n")
        .append("        const std::string& method = calls[k].s;\n")
        .append("        const std::vector<coderoom::Value>& a = callArgs[k].items;\n")
        .append("        try {\n")
        .append("        if (k == 0) {\n")
        .append("          if (method != \"")
        .append(type)
        .append("\") throw std::invalid_argument(\"the first call must construct ")
        .append(type)
        .append("\");\n");
    List<String> ctorArgs = convertArguments(call, design.constructor(), "a", indent);
    call.append(indent)
        .append("object.reset(new ")
        .append(type)
        .append("(")
        .append(String.join(", ", ctorArgs))
        .append("));\n")
        .append(indent)
        .append("out << \"null\";\n");
    for (TestSuite.Method method : design.methods()) {
      call.append("        } else if (method == \"").append(method.name()).append("\") {\n");
      List<String> names = convertArguments(call, method.params(), "a", indent);
      String invocation = "object->" + method.name() + "(" + String.join(", ", names) + ")";
      if (method.returnType() == ValueType.Scalar.VOID) {
        call.append(indent).append(invocation).append(";\n");
        call.append(indent).append("out << \"null\";\n");
      } else {
        call.append(indent).append("auto r = ").append(invocation).append(";\n");
        call.append(indent).append("coderoom::write(out, r);\n");
      }
    }
    call.append("        } else {\n")
        .append("          throw std::invalid_argument(\"")
        .append(type)
        .append(" has no method \" + method);\n")
        .append("        }\n")
        .append("        } catch (const std::exception& e) {\n")
        .append("          throw coderoom::call_failed(k, method, callArgs[k], &e);\n")
        .append("        } catch (...) {\n")
        .append("          throw coderoom::call_failed(k, method, callArgs[k], nullptr);\n")
        .append("        }\n")
        .append("      }\n")
        .append("      out << ']';\n");
    return call.toString();
  }

  /** Declares {@code a0, a1, ...} from the JSON values {@code from.at(i)}; returns their names. */
  private static List<String> convertArguments(
      StringBuilder call, List<TestSuite.Param> params, String from, String indent) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      ValueType type = params.get(i).valueType();
      // A map argument binds to std::unordered_map or std::map, whichever the candidate declared.
      String converted =
          type instanceof ValueType.MapOf map
              ? "coderoom::MapArg<" + cppType(map.key()) + ", " + cppType(map.value()) + ">"
              : cppType(type);
      call.append(indent)
          .append("auto a")
          .append(i)
          .append(" = coderoom::Conv<")
          .append(converted)
          .append(">::from(")
          .append(from)
          .append(".at(")
          .append(i)
          .append("));\n");
      names.add("a" + i);
    }
    return names;
  }

  /** The C++ type of a test value's type, as {@code main.cpp} converts it. */
  static String cppType(ValueType type) {
    return switch (type) {
      case ValueType.ArrayOf array -> "std::vector<" + cppType(array.element()) + ">";
      case ValueType.MapOf map ->
          "std::unordered_map<" + cppType(map.key()) + ", " + cppType(map.value()) + ">";
      case ValueType.Scalar scalar ->
          switch (scalar) {
            case INT -> "int";
            case LONG -> "long long";
            case DOUBLE -> "double";
            case BOOLEAN -> "bool";
            case STRING -> "std::string";
            case CHAR -> "char";
            case LIST_NODE -> "ListNode*";
            case TREE_NODE -> "TreeNode*";
            case VOID -> throw new IllegalArgumentException("no value is of type void");
          };
    };
  }
}
