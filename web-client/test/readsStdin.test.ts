import { describe, expect, test } from "vitest";
import { readsStdin } from "../src/room/readsStdin";

// Programs that read their standard input, and programs that do not, in each of the room's languages.
const reading: Record<string, string[]> = {
  python: ["n = int(input())", "name = input ('Name? ')", "import sys\nfor line in sys.stdin:\n    print(line)", "data = sys.stdin.read()", "import fileinput\nfor line in fileinput.input():\n    pass"],
  javascript: [
    'const data = require("fs").readFileSync(0, "utf8");',
    'const data = fs.readFileSync("/dev/stdin", "utf8");',
    'process.stdin.on("data", (chunk) => console.log(chunk));',
    'const rl = readline.createInterface({ input: process.stdin });',
  ],
  typescript: ['const text: string = readFileSync( 0 , "utf8");', "for await (const chunk of process.stdin) total += chunk.length;", "const buf = await Deno.stdin.read(new Uint8Array(10));"],
  java: ["Scanner in = new Scanner(System.in);", "var reader = new BufferedReader(new InputStreamReader(System.in));"],
  cpp: ["int n; std::cin >> n;", "using namespace std;\nint main() { int n; cin >> n; }", 'scanf("%d", &n);', "int c = getchar();", "std::getline(std::cin, line);", "fgets(buf, sizeof buf, stdin);"],
  go: ["scanner := bufio.NewScanner(os.Stdin)", "fmt.Scan(&n)", 'fmt.Scanf("%d", &n)', "fmt.Scanln(&a, &b)"],
  csharp: ["var line = Console.ReadLine();", "int c = Console.Read();", "var all = Console.In.ReadToEnd();"],
};

const notReading: Record<string, string[]> = {
  python: ["def two_sum(nums, target):\n    return [0, 1]", 'print("hello")', "input_data = [1, 2, 3]\nprint(user_input(input_data))", "inputs = 3"],
  javascript: ['console.log("hello");', 'const text = require("fs").readFileSync("data.txt", "utf8");', "function twoSum(nums, target) { return [0, 1]; }"],
  typescript: ["const input: number[] = [1, 2];\nconsole.log(input.length);", "export function solve(xs: number[]): number { return xs.length; }"],
  java: ['System.out.println("hello");', "System.err.println(System.identityHashCode(this));", "var channel = System.inheritedChannel();", "class Solution { int[] twoSum(int[] nums, int target) { return nums; } }"],
  cpp: ['std::cout << "hello" << std::endl;', "int cinema = 3; std::cout << cinema;", "printf(\"%d\\n\", n);"],
  go: ['fmt.Println("hello")', 'fmt.Sscan("12", &n)', 'fmt.Fprintln(os.Stdout, "x")'],
  csharp: ['Console.WriteLine("hello");', "Console.Write(42);", "var key = Console.ReadKeyName;"],
};

describe("readsStdin", () => {
  test("the room's seven languages are covered both ways", () => {
    const languages = ["python", "javascript", "typescript", "java", "cpp", "go", "csharp"];
    expect(Object.keys(reading).sort()).toEqual([...languages].sort());
    expect(Object.keys(notReading).sort()).toEqual([...languages].sort());
  });

  for (const [language, programs] of Object.entries(reading)) {
    test.each(programs)(`${language}: reads stdin: %s`, (code) => {
      expect(readsStdin(code)).toBe(true);
    });
  }

  for (const [language, programs] of Object.entries(notReading)) {
    test.each(programs)(`${language}: does not read stdin: %s`, (code) => {
      expect(readsStdin(code)).toBe(false);
    });
  }

  test("asking twice about the same text gives the same answer", () => {
    const code = "n = int(input())";
    expect([readsStdin(code), readsStdin(code), readsStdin(code)]).toEqual([true, true, true]);
    expect([readsStdin("print(1)"), readsStdin("print(1)")]).toEqual([false, false]);
  });

  test("empty code reads nothing", () => {
    expect(readsStdin("")).toBe(false);
  });
});
