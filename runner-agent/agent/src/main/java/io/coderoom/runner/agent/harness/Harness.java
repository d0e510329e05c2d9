package io.coderoom.runner.agent.harness;

import io.coderoom.runner.agent.sandbox.Program;
import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.runner.protocol.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The function-mode program of one language: a harness file (a resource next to this class) that
 * calls the candidate's function on each test input it reads from stdin, beside the candidate's
 * file. For a design problem it constructs the candidate's class and calls its methods in the
 * case's order instead, the case's result being one value per call ({@code null} for the
 * constructor and void methods); a call that throws makes the case an error naming the call.
 *
 * <p>Values are converted both ways as {@link ValueType} describes: a harness turns each argument
 * into the language's idiomatic value ({@code ListNode}/{@code TreeNode} objects, which the harness
 * provides, maps, chars, 64-bit integers) and each result back into JSON (a list as an array, a
 * tree in level order with trailing nulls cut, a map as an object with text keys, a char as a
 * one-character string). Python and JavaScript/TypeScript learn the types from the {@link
 * #signature() signature} pasted into the harness; Java reads them from the candidate's method
 * declarations.
 *
 * <p>Design, so the candidate's code can neither read the hidden tests nor pass its prints off as
 * results:
 *
 * <ul>
 *   <li>No file of the container holds test data, while it compiles or while it runs. The inputs
 *       come over stdin one case at a time ({@link CaseFeed}), public cases first, and a hidden
 *       case's input only once every public case has reported; from then on nothing the program
 *       does reaches a candidate but the pass counts. Expected outputs never enter the container:
 *       the agent compares ({@link Judge}). A forged record can only claim a value the candidate's
 *       function could have returned anyway.
 *   <li>Each result is framed as {@code \n RS nonce:index:status:ms:json \n} with a random 128-bit
 *       nonce per run. The run command writes the nonce to {@code /tmp/.coderoom-nonce} right
 *       before it execs the harness; no candidate code runs in the fresh container before that. The
 *       harness reads and deletes the file before it loads the candidate's code (in C++ and Go in
 *       an initializer ordered before the candidate's), so the nonce is in no file, argument or
 *       environment variable the candidate's code can read, and nothing the candidate prints can
 *       guess it.
 *   <li>A case reported twice is an error, so copying a real record does not help either.
 *   <li>What remains: code running in the harness's own process could dig the nonce out of its
 *       memory (reflection, frames). Such code could also just return the right values, which is
 *       what the test measures, so this is accepted (once the hidden cases began, {@link CaseFeed}
 *       takes records for hidden cases only); times per case come from the harness and are
 *       informational.
 * </ul>
 */
public final class Harness {
  static final String NONCE_FILE = "/tmp/.coderoom-nonce";
  private static final String NODE_DECLARATIONS = "coderoom-nodes.d.ts";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Language language;
  private final TestSuite suite;

  private Harness(Language language, TestSuite suite) {
    this.language = language;
    this.suite = suite;
  }

  public static Harness forLanguage(Language language, TestSuite suite) {
    return switch (language.id()) {
      case "python", "javascript", "typescript", "java", "cpp", "go", "csharp" ->
          new Harness(language, suite);
      default ->
          throw new IllegalArgumentException(
              "function mode is not available for " + language.displayName());
    };
  }

  public static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The harness and the candidate's code as a program for the sandbox. */
  public Program program(String code, String nonce) {
    Map<String, String> files = new LinkedHashMap<>();
    // The function's name, or the design's class.
    String fn = suite.ofKind(TestSuite.DESIGN) ? suite.design().className() : suite.function();
    String signature = signature();
    String compile;
    String run;
    switch (language.id()) {
      case "python" -> {
        files.put("main.py", resource("main.py").replace("__SIGNATURE__", signature));
        files.put("solution.py", code);
        compile = "";
        run = "exec python3 -u /code/main.py";
      }
      case "javascript" -> {
        files.put(
            "main.js",
            resource("main.js")
                .replace("__SOLUTION__", "/code/solution.js")
                .replace("__SIGNATURE__", signature));
        files.put("solution.js", code + exportLine(fn, "module"));
        compile = "";
        run = "exec node /code/main.js";
      }
      case "typescript" -> {
        files.put(
            "main.js",
            resource("main.js")
                .replace("__SOLUTION__", "/tmp/build/solution.js")
                .replace("__SIGNATURE__", signature));
        files.put("solution.ts", code + exportLine(fn, "(module as any)"));
        // The language's own type check and compile, on the solution file; the declarations of
        // ListNode and TreeNode (globals the harness defines) are checked with it as a file of
        // their own, so the candidate's line numbers stay, and only when the problem uses them, so
        // a candidate's own class of that name elsewhere does not clash.
        String output = "/tmp/build/solution.js";
        if (usesNodes()) {
          files.put(NODE_DECLARATIONS, resource(NODE_DECLARATIONS));
          output += " /code/" + NODE_DECLARATIONS;
        }
        compile =
            language
                .compile()
                .replace("/code/main.ts", "/code/solution.ts")
                .replace("/tmp/build/main.js", output);
        run = "exec node /code/main.js";
      }
      case "java" -> {
        files.put(
            "Main.java",
            resource("Main.java").replace("__NAME__", fn).replace("__KIND__", suite.kind()));
        // A design's class may be public: its file is named after it.
        String file = (suite.ofKind(TestSuite.DESIGN) ? fn : "Solution") + ".java";
        files.put(file, code);
        StringBuilder sources = new StringBuilder(" /code/Main.java /code/" + file);
        if (usesNodes()) {
          for (String node : List.of("ListNode.java", "TreeNode.java")) {
            files.put(node, resource(node));
            sources.append(" /code/").append(node);
          }
        }
        compile =
            "javac -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -encoding UTF-8 -d /tmp/build"
                + sources;
        run = "exec java -XX:+UseSerialGC -cp /tmp/build Main";
      }
      case "csharp" -> {
        files.put("main.cs", CsharpHarness.source(resource("main.cs"), suite));
        files.put("solution.cs", code);
        compile =
            "mcs -optimize+ -nologo -main:CoderoomHarness -out:/tmp/build/main.exe"
                + " /code/main.cs /code/solution.cs";
        run = "exec mono /tmp/build/main.exe";
      }
      case "cpp" -> {
        files.put("main.cpp", CppHarness.source(resource("main.cpp"), suite, usesNodes()));
        files.put("solution.cpp", code);
        compile = "g++ -std=gnu++17 -O2 -pipe -o /tmp/build/main /code/main.cpp";
        run = "exec /tmp/build/main";
      }
      case "go" -> {
        files.put("main.go", GoHarness.source(resource("main.go"), suite));
        files.put("solution.go", GoHarness.solution(code));
        compile =
            "cd /tmp/build && cp /code/main.go /code/solution.go . && go build -o main main.go solution.go";
        run = "exec /tmp/build/main";
      }
      default -> throw new IllegalStateException(language.id());
    }
    String prefix = "umask 077 && printf %s " + nonce + " > " + NONCE_FILE + " && ";
    // stdin is the case feed. stderr joins stdout, one pipe in the order the program wrote: what
    // comes after the last public case's record was written after it (see CaseFeed).
    return new Program(files, compile, prefix + run + " 2>&1");
  }

  /**
   * What the Python and JavaScript harnesses need to convert values: the kind, the function's or
   * class's name and the types, as JSON ({@code {"kind":"function","name":"f","params":["int"],
   * "returns":"ListNode"}} or {@code {"kind":"design","name":"MinStack","constructor":[],
   * "methods":{"push":{"params":["int"],"returns":"void"}}}}). Names are identifiers and types
   * follow the suite's grammar (both checked by {@link TestSuite}), so the text holds no quote or
   * backslash of its own and is pasted into the harness's source as it is.
   */
  String signature() {
    Map<String, Object> signature = new LinkedHashMap<>();
    signature.put("kind", suite.kind());
    if (suite.ofKind(TestSuite.DESIGN)) {
      TestSuite.Design design = suite.design();
      signature.put("name", design.className());
      signature.put("constructor", types(design.constructor()));
      Map<String, Object> methods = new LinkedHashMap<>();
      for (TestSuite.Method method : design.methods()) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("params", types(method.params()));
        spec.put("returns", ValueType.parse(method.returns()).text());
        methods.put(method.name(), spec);
      }
      signature.put("methods", methods);
    } else {
      signature.put("name", suite.function());
      signature.put("params", types(suite.params()));
      signature.put("returns", ValueType.parse(suite.returns()).text());
    }
    String json = Json.write(signature);
    if (json.contains("'") || json.contains("\\") || json.contains("`")) {
      throw new IllegalStateException("a signature holds a quote or backslash: " + json);
    }
    return json;
  }

  private static List<String> types(List<TestSuite.Param> params) {
    return params.stream().map(p -> ValueType.parse(p.type()).text()).toList();
  }

  /** Whether a type of the suite names ListNode or TreeNode (their declarations are added then). */
  boolean usesNodes() {
    String signature = signature();
    return signature.contains("ListNode") || signature.contains("TreeNode");
  }

  /**
   * Appended to JS/TS code (after it, so line numbers stay) to hand the function to the harness.
   */
  private static String exportLine(String fn, String module) {
    return "\n;"
        + module
        + ".exports.__coderoom = typeof "
        + fn
        + " === \"function\" ? "
        + fn
        + " : undefined;\n";
  }

  private static String resource(String name) {
    try (InputStream in = Harness.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("harness " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
