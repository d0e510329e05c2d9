package io.coderoom.runner.agent.harness;

import io.coderoom.runner.agent.sandbox.Program;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.TestSuite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The function-mode program of one language: a harness file (a resource next to this class) that
 * calls the candidate's function on each test input it reads from stdin, beside the candidate's
 * file.
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
    String fn = suite.function();
    String compile;
    String run;
    switch (language.id()) {
      case "python" -> {
        files.put("main.py", resource("main.py").replace("__FUNCTION__", fn));
        files.put("solution.py", code);
        compile = "";
        run = "exec python3 -u /code/main.py";
      }
      case "javascript" -> {
        files.put("main.js", resource("main.js").replace("__SOLUTION__", "/code/solution.js"));
        files.put("solution.js", code + exportLine(fn, "module"));
        compile = "";
        run = "exec node /code/main.js";
      }
      case "typescript" -> {
        files.put("main.js", resource("main.js").replace("__SOLUTION__", "/tmp/build/solution.js"));
        files.put("solution.ts", code + exportLine(fn, "(module as any)"));
        // The language's own type check and compile, on the solution file.
        compile =
            language
                .compile()
                .replace("/code/main.ts", "/code/solution.ts")
                .replace("/tmp/build/main.js", "/tmp/build/solution.js");
        run = "exec node /code/main.js";
      }
      case "java" -> {
        files.put("Main.java", resource("Main.java").replace("__FUNCTION__", fn));
        files.put("Solution.java", code);
        compile =
            "javac -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -encoding UTF-8 -d /tmp/build"
                + " /code/Main.java /code/Solution.java";
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
        files.put("main.cpp", CppHarness.source(resource("main.cpp"), suite));
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
    return new Program(language.image(), files, compile, prefix + run + " 2>&1");
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
