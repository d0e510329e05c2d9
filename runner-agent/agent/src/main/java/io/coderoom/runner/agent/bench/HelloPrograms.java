package io.coderoom.runner.agent.bench;

import java.util.Map;

/** Hello world with one line of stdin, per language, as the benchmark runs it. */
final class HelloPrograms {
  private static final Map<String, String> PROGRAMS =
      Map.of(
          "python",
          "import sys\nprint('hello', sys.stdin.readline().strip())\n",
          "javascript",
          "const s = require('fs').readFileSync(0, 'utf8');\nconsole.log('hello ' + s.trim());\n",
          "typescript",
          "import * as fs from 'fs';\nconst s: string = fs.readFileSync(0, 'utf8');\n"
              + "console.log(`hello ${s.trim()}`);\n",
          "java",
          "import java.io.*;\npublic class Main {\n  public static void main(String[] a) throws"
              + " IOException {\n    BufferedReader in = new BufferedReader(new"
              + " InputStreamReader(System.in));\n    System.out.println(\"hello \" +"
              + " in.readLine());\n  }\n}\n",
          "cpp",
          "#include <iostream>\n#include <string>\nint main() {\n  std::string s;\n"
              + "  std::getline(std::cin, s);\n  std::cout << \"hello \" << s << std::endl;\n}\n",
          "go",
          "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n"
              + "\ts, _ := bufio.NewReader(os.Stdin).ReadString('\\n')\n\tfmt.Print(\"hello \","
              + " s)\n}\n",
          "csharp",
          "using System;\npublic class Program {\n  public static void Main() {\n"
              + "    Console.WriteLine(\"hello \" + Console.ReadLine());\n  }\n}\n");

  private HelloPrograms() {}

  static String of(String language) {
    String program = PROGRAMS.get(language);
    if (program == null) {
      throw new IllegalArgumentException("no benchmark program for " + language);
    }
    return program;
  }
}
