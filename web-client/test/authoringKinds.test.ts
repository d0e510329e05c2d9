import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  bodyFromDraft,
  caseFromRow,
  casesFromRows,
  draftFromSource,
  draftProblems,
  EMPTY_DRAFT,
  rowErrors,
  rowsFromJson,
  rowsToJson,
  toggledGenerated,
  withKind,
  type Draft,
  type TestRow,
} from "../src/authoring/draft";
import type { ProblemFolderBody } from "../src/library/api";

const CURATED = join(__dirname, "../../server/src/main/resources/problems");

function folder(problem: Record<string, unknown>, tests: ProblemFolderBody["tests"]): ProblemFolderBody {
  return { problem, statement: "The task.", editorial: "The approach.", tests, starter: { python: "s" }, solutions: { python: "r" } };
}

const minStack = {
  title: "Min Stack",
  version: 2,
  difficulty: "medium",
  categories: ["design", "stacks-queues"],
  timeEstimateMinutes: 20,
  constraints: ["at most 10^4 calls"],
  hints: ["Keep the running minimum."],
  caseTimeLimitMs: 1500,
  kind: "design",
  design: {
    class: "MinStack",
    constructor: [],
    methods: [
      { name: "push", params: [{ name: "val", type: "int" }], returns: "void" },
      { name: "pop", params: [], returns: "void" },
      { name: "getMin", params: [], returns: "int" },
    ],
  },
};

const minStackTests = [
  { input: [["MinStack", "push", "push", "getMin", "pop", "getMin"], [[], [4], [1], [], [], []]], expected: [null, null, null, 1, null, 4], hidden: false },
  { input: [["MinStack", "push", "getMin"], [[], [-3], []]], expected: [null, null, -3], hidden: true, timeLimitMs: 400 },
  {
    input: [{ $concat: [["MinStack"], { $repeat: ["push", 1000] }] }, { $concat: [[[]], { $repeat: [[7], 1000] }] }],
    expected: { $concat: [[null], { $repeat: [null, 1000] }] },
    hidden: true,
    timeLimitMs: 3000,
  },
];

const sumLines = {
  title: "Sum the lines",
  difficulty: "easy",
  categories: ["math"],
  timeEstimateMinutes: 10,
  constraints: [],
  hints: [],
  followUp: "What if the numbers do not fit in 64 bits?",
  kind: "stdio",
  checker: "tokens",
};

const sumLinesTests = [
  { input: ["3\n1 2\n3 4\n5 6\n"], expected: "3\n7\n11\n", hidden: false },
  { input: [""], expected: "", hidden: true },
  { input: [{ $concat: ["2\n", { $join: [{ $range: [1, 2, 1] }, " 1\n"] }, " 1\n"] }], expected: "2\n3\n", hidden: true, timeLimitMs: 5000 },
];

describe("a design problem", () => {
  test("loads with its class, constructor and methods, and each case as the JSON tests.json has", () => {
    const draft = draftFromSource(folder(minStack, minStackTests));
    expect(draft.kind).toBe("design");
    expect(draft.design).toEqual({ className: "MinStack", constructorParams: [], methods: minStack.design.methods });
    expect(draft.tests[0]).toEqual({ input: JSON.stringify(minStackTests[0].input), expected: "[null,null,null,1,null,4]", hidden: false, timeLimitMs: "" });
    expect(draftProblems(draft)).toEqual([]);
  });

  test("saves again as the same problem.json and tests", () => {
    const body = bodyFromDraft(draftFromSource(folder(minStack, minStackTests)));
    expect(body.problem).toEqual(minStack);
    expect(body.tests).toEqual(minStackTests);
  });

  test("a design without a constructor field has no constructor parameters (not the inherited constructor)", () => {
    const { constructor: _none, ...design } = minStack.design;
    const draft = draftFromSource(folder({ ...minStack, design }, minStackTests));
    expect(draft.design.constructorParams).toEqual([]);
    expect((bodyFromDraft(draft).problem.design as { constructor: unknown }).constructor).toEqual([]);
  });

  test("edited methods become problem.json's design, and a function's fields are not written", () => {
    const draft: Draft = {
      ...EMPTY_DRAFT,
      kept: { function: "old", params: [], returns: "int", order: "any", tolerance: 1e-3 },
      title: "Cache",
      categories: ["design"],
      kind: "design",
      design: {
        className: " LRUCache ",
        constructorParams: [{ name: "capacity", type: "int" }],
        methods: [
          { name: "get", params: [{ name: "key", type: "int" }], returns: "int" },
          { name: "put", params: [{ name: "key", type: "int" }, { name: " value", type: "int " }], returns: "void" },
        ],
      },
      tests: [{ input: '[["LRUCache","put","get"],[[1],[1,1],[1]]]', expected: "[null,null,1]", hidden: false, timeLimitMs: "" }],
    };
    expect(draftProblems(draft)).toEqual([]);
    const problem = bodyFromDraft(draft).problem;
    expect(problem).toMatchObject({
      kind: "design",
      tolerance: 1e-3,
      design: {
        class: "LRUCache",
        constructor: [{ name: "capacity", type: "int" }],
        methods: [
          { name: "get", params: [{ name: "key", type: "int" }], returns: "int" },
          { name: "put", params: [{ name: "key", type: "int" }, { name: "value", type: "int" }], returns: "void" },
        ],
      },
    });
    for (const field of ["function", "params", "returns", "order", "checker"]) expect(problem).not.toHaveProperty(field);
  });

  describe("a row that does not fit the class says why", () => {
    const shape = draftFromSource(folder(minStack, minStackTests));
    const row = (input: string, expected: string): TestRow => ({ input, expected, hidden: false, timeLimitMs: "" });
    const error = (input: string, expected: string) => {
      const c = caseFromRow(row(input, expected), shape);
      return c.ok ? "fits" : c.error;
    };

    test("JSON that does not parse", () => {
      expect(error('[["MinStack", "push"], [[], [1]]', "[null,null]")).toMatch(/^the input is not JSON \(write the calls and their arguments/);
      expect(error('[["MinStack"], [[]]]', "[null,")).toMatch(/^the expected results are not JSON/);
    });

    test("calls and arguments, or calls and results, of different lengths", () => {
      expect(error('[["MinStack", "push", "getMin"], [[], [1]]]', "[null,null,1]")).toBe("the input has 3 calls but 2 argument lists; give one list of arguments per call.");
      expect(error('[["MinStack", "push", "getMin"], [[], [1], []]]', "[null,null]")).toBe(
        "the expected results are 2 for 3 calls; give one per call (null for the constructor and void methods).",
      );
      expect(error('[["MinStack", "push"], [[], [1]]]', "null")).toMatch(/^the expected value must be an array of results/);
      expect(error('["MinStack", "push"]', "[null,null]")).toMatch(/^the input must be two arrays of the same length/);
    });

    test("an unknown method, a missing constructor, a wrong number of arguments, a result for a void call", () => {
      expect(error('[["MinStack", "peek"], [[], []]]', "[null,1]")).toBe('call 2 names "peek", which is not a method of MinStack (it has push, pop, getMin).');
      expect(error('[["push"], [[1]]]', "[null]")).toBe('the first call must construct the class: "MinStack".');
      expect(error('[["MinStack", "push"], [[], []]]', "[null,null]")).toBe("call 2 (push) takes 1 argument; the input gives 0 arguments.");
      expect(error('[["MinStack", "push"], [[], 1]]', "[null,null]")).toBe("call 2 (push) takes 1 argument; the input gives no array of arguments.");
      expect(error('[["MinStack", "push"], [[], [1]]]', "[null,1]")).toBe("call 2 (push) returns nothing, so its expected result is null.");
      expect(error('[["MinStack", "push"], [[], [1]]]', "[null,null]")).toBe("fits");
    });

    test("each bad row is named in the table, and saving names the first", () => {
      const rows = [row('[["MinStack"], [[]]]', "[null]"), row('[["MinStack", "peek"], [[], []]]', "[null,1]"), row("[", "[]")];
      const errors = rowErrors(rows, shape);
      expect([...errors.keys()]).toEqual([1, 2]);
      expect(casesFromRows(rows, shape)).toEqual({ ok: false, error: expect.stringMatching(/^Test 2: call 2 names "peek"/) });
      expect(draftProblems({ ...shape, tests: rows })).toEqual([expect.stringMatching(/^Test 2: call 2 names "peek"/)]);
    });
  });

  test("a class the harnesses declare, two methods of one name, or no methods, are refused before saving", () => {
    const draft = draftFromSource(folder(minStack, []));
    const methods = draft.design.methods;
    expect(draftProblems({ ...draft, tests: minStackTests.map((c) => ({ input: JSON.stringify(c.input), expected: JSON.stringify(c.expected), hidden: false, timeLimitMs: "" })), design: { ...draft.design, className: "TreeNode" } })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^The class cannot be named TreeNode/)]),
    );
    expect(draftProblems({ ...draft, design: { ...draft.design, methods: [...methods, methods[0]] } })).toContain("Two methods are named push.");
    expect(draftProblems({ ...draft, design: { ...draft.design, methods: [] } })).toContain("Give the class at least one method.");
    expect(draftProblems({ ...draft, design: { ...draft.design, methods: [{ name: "1st", params: [{ name: "x", type: "" }], returns: "" }] } })).toEqual(
      expect.arrayContaining(["Method 1 needs a name that is an identifier.", "Method 1's parameter 1 needs a type.", "Method 1 needs a return type (void for none)."]),
    );
  });
});

describe("a stdio problem", () => {
  test("loads each case's stdin and stdout as plain text, a generated one as JSON", () => {
    const draft = draftFromSource(folder(sumLines, sumLinesTests));
    expect(draft.kind).toBe("stdio");
    expect(draft.checker).toBe("tokens");
    expect(draft.tests[0]).toEqual({ input: "3\n1 2\n3 4\n5 6\n", expected: "3\n7\n11\n", hidden: false, timeLimitMs: "", generated: false });
    expect(draft.tests[2]).toEqual({ input: JSON.stringify(sumLinesTests[2].input[0]), expected: '"2\\n3\\n"', hidden: true, timeLimitMs: "5000", generated: true });
    expect(draftProblems(draft)).toEqual([]);
  });

  test("saves again as the same problem.json and tests", () => {
    const body = bodyFromDraft(draftFromSource(folder(sumLines, sumLinesTests)));
    expect(body.problem).toEqual(sumLines);
    expect(body.tests).toEqual(sumLinesTests);
  });

  test("a problem that names no checker is saved without one, and the chosen checker is written", () => {
    const { checker: _none, ...exact } = sumLines;
    const draft = draftFromSource(folder(exact, sumLinesTests));
    expect(bodyFromDraft(draft).problem).toEqual(exact);
    expect(bodyFromDraft({ ...draft, checker: "exact" }).problem.checker).toBe("exact");
  });

  test("the text the author types is the stdin as it is, not JSON", () => {
    const c = caseFromRow({ input: 'say "hi"\n', expected: "hi\n", hidden: false, timeLimitMs: "" }, { kind: "stdio" });
    expect(c).toEqual({ ok: true, value: { input: ['say "hi"\n'], expected: "hi\n", hidden: false } });
  });

  test("a row written as JSON must be a string or a generator", () => {
    const row: TestRow = { input: "[1, 2]", expected: '"3"', hidden: false, timeLimitMs: "", generated: true };
    expect(caseFromRow(row, { kind: "stdio" })).toEqual({ ok: false, error: expect.stringMatching(/^the stdin, written as JSON, must be a string or a generator/) });
    expect(caseFromRow({ ...row, input: '"1 2"', expected: "3" }, { kind: "stdio" })).toEqual({ ok: false, error: expect.stringMatching(/^the expected stdout, written as JSON, must be a string/) });
  });

  test("a row switched to JSON and back keeps its text", () => {
    const row: TestRow = { input: "1 2\n", expected: "3\n", hidden: true, timeLimitMs: "100", generated: false };
    const asJson = toggledGenerated(row);
    expect(asJson).toEqual({ ...row, generated: true, input: '"1 2\\n"', expected: '"3\\n"' });
    expect(toggledGenerated(asJson)).toEqual(row);
  });

  test("the tests as JSON and back are the same rows", () => {
    const rows = draftFromSource(folder(sumLines, sumLinesTests)).tests;
    const json = rowsToJson(rows, { kind: "stdio" });
    expect(json.ok).toBe(true);
    expect(rowsFromJson((json as { value: string }).value, "stdio")).toEqual({ ok: true, value: rows });
  });
});

describe("changing the kind", () => {
  const functionDraft: Draft = {
    ...EMPTY_DRAFT,
    title: "Echo",
    categories: ["strings"],
    functionName: "echo",
    params: [{ name: "s", type: "string" }],
    returns: "string",
    order: "any",
    tests: [
      { input: '["a\\nb"]', expected: '"a\\nb"', hidden: true, timeLimitMs: "300" },
      { input: "[1, 2]", expected: "3", hidden: false, timeLimitMs: "" },
    ],
  };

  test("to stdio turns one-string inputs into their text, and drops the order", () => {
    const stdio = withKind(functionDraft, "stdio");
    expect(stdio.tests[0]).toEqual({ input: "a\nb", expected: "a\nb", hidden: true, timeLimitMs: "300", generated: false });
    expect(stdio.tests[1]).toEqual({ input: "[1, 2]", expected: "3", hidden: false, timeLimitMs: "", generated: false });
    expect(stdio.order).toBe("");
    const problem = bodyFromDraft(stdio).problem;
    expect(problem).toMatchObject({ kind: "stdio", checker: "exact" });
    for (const field of ["function", "params", "returns", "order", "design"]) expect(problem).not.toHaveProperty(field);
  });

  test("back to a function turns the text into a one-string input again", () => {
    const back = withKind(withKind(functionDraft, "stdio"), "function");
    expect(back.tests[0]).toEqual({ input: '["a\\nb"]', expected: '"a\\nb"', hidden: true, timeLimitMs: "300" });
    expect(back.functionName).toBe("echo");
  });

  test("an untouched new row becomes the new kind's empty row", () => {
    expect(withKind(EMPTY_DRAFT, "design").tests).toEqual([{ input: "[[], []]", expected: "[]", hidden: false, timeLimitMs: "" }]);
    expect(withKind(EMPTY_DRAFT, "stdio").tests).toEqual([{ input: "", expected: "", hidden: false, timeLimitMs: "", generated: false }]);
  });

  test("a function's tests are checked against its parameters", () => {
    expect(casesFromRows(functionDraft.tests, functionDraft)).toEqual({ ok: false, error: "Test 2: the input has 2 arguments; the function takes 1 (s)." });
  });
});

describe("every curated problem", () => {
  const slugs = readdirSync(CURATED);

  // The only change: the kind is always written, "function" where problem.json left it to its default.
  test.each(slugs)("%s loads into the page and saves again unchanged", (slug) => {
    const problem = JSON.parse(readFileSync(join(CURATED, slug, "problem.json"), "utf8"));
    const tests = JSON.parse(readFileSync(join(CURATED, slug, "tests.json"), "utf8"));
    const draft = draftFromSource(folder(problem, tests));
    expect(draftProblems(draft)).toEqual([]);
    const body = bodyFromDraft(draft);
    expect(body.problem).toEqual({ kind: "function", ...problem });
    expect(body.tests).toEqual(tests);
  });
});
