import { describe, expect, test } from "vitest";
import { bodyFromDraft, casesFromRows, draftFromSource, draftProblems, EMPTY_DRAFT, moved, publishable, rowsFromJson, rowsToJson, type Draft } from "../src/authoring/draft";

const rows = [
  { input: "[[2,7,11,15], 9]", expected: "[0,1]", hidden: false, timeLimitMs: "" },
  { input: '["a b"]', expected: '"b a"', hidden: true, timeLimitMs: "500" },
];

describe("the tests table", () => {
  test("rows become stored cases, a time limit only where one is given", () => {
    const cases = casesFromRows(rows);
    expect(cases).toEqual({
      ok: true,
      value: [
        { input: [[2, 7, 11, 15], 9], expected: [0, 1], hidden: false },
        { input: ["a b"], expected: "b a", hidden: true, timeLimitMs: 500 },
      ],
    });
  });

  test("the table to JSON and back is the same table", () => {
    const json = rowsToJson(rows);
    expect(json.ok).toBe(true);
    const back = rowsFromJson((json as { value: string }).value);
    expect(back).toEqual({ ok: true, value: [{ ...rows[0], input: "[[2,7,11,15],9]" }, rows[1]] });
  });

  test("a row that is not JSON is named by its number", () => {
    expect(casesFromRows([rows[0], { ...rows[1], expected: "b a" }])).toEqual({ ok: false, error: expect.stringMatching(/^Test 2: the expected value is not JSON/) });
    expect(casesFromRows([{ ...rows[0], input: "9" }])).toEqual({ ok: false, error: expect.stringMatching(/^Test 1: the input must be a JSON array/) });
    expect(casesFromRows([{ ...rows[0], timeLimitMs: "fast" }])).toEqual({ ok: false, error: expect.stringMatching(/^Test 1: the time limit/) });
  });

  test("JSON that is not a list of cases says what is missing", () => {
    expect(rowsFromJson("{")).toMatchObject({ ok: false });
    expect(rowsFromJson('{"input": []}')).toEqual({ ok: false, error: "The tests must be a JSON array of cases." });
    expect(rowsFromJson('[{"input": [1], "expected": 1}, {"input": 1, "expected": 2}]')).toEqual({ ok: false, error: 'Case 2 needs "input" (an array of the arguments) and "expected".' });
  });
});

describe("the draft", () => {
  const draft: Draft = {
    ...EMPTY_DRAFT,
    title: " Mirror ",
    categories: ["trees"],
    constraints: "1 <= n <= 100\n\n  -100 <= val <= 100 ",
    hints: ["Recurse.", " ", "Swap children."],
    functionName: "mirror",
    params: [{ name: "root", type: "TreeNode" }],
    returns: "TreeNode",
    languages: ["python", "go"],
    starter: { python: "def mirror(root):\n    return None\n", java: "left over" },
    solutions: { python: "def mirror(root): ..." },
    tests: [{ input: "[[1,2,3]]", expected: "[1,3,2]", hidden: false, timeLimitMs: "" }],
  };

  test("becomes the folder body: only the offered languages, blank lines and hints dropped", () => {
    const body = bodyFromDraft(draft);
    expect(body.problem).toEqual({
      title: "Mirror",
      difficulty: "easy",
      categories: ["trees"],
      timeEstimateMinutes: 20,
      constraints: ["1 <= n <= 100", "-100 <= val <= 100"],
      hints: ["Recurse.", "Swap children."],
      kind: "function",
      function: "mirror",
      params: [{ name: "root", type: "TreeNode" }],
      returns: "TreeNode",
    });
    expect(body.starter).toEqual({ python: "def mirror(root):\n    return None\n", go: "" });
    expect(body.solutions).toEqual({ python: "def mirror(root): ...", go: "" });
    expect(body.tests).toEqual([{ input: [[1, 2, 3]], expected: [1, 3, 2], hidden: false }]);
  });

  test("reads back from the saved folder, keeping the fields the page does not edit", () => {
    const source = {
      problem: { title: "Mirror", difficulty: "medium", categories: ["trees"], timeEstimateMinutes: 25, constraints: ["1 <= n"], hints: ["Recurse."], function: "mirror", params: [{ name: "root", type: "TreeNode" }], returns: "TreeNode", caseTimeLimitMs: 3000, order: "exact" },
      statement: "Mirror it.",
      editorial: "Swap.",
      tests: [{ input: [[1]], expected: [1], hidden: true, timeLimitMs: 300 }],
      starter: { python: "s" },
      solutions: { python: "r" },
    };
    const read = draftFromSource(source);
    expect(read).toMatchObject({
      difficulty: "medium",
      constraints: "1 <= n",
      languages: ["python"],
      starter: { python: "s" },
      tests: [{ input: "[[1]]", expected: "[1]", hidden: true, timeLimitMs: "300" }],
    });
    const again = bodyFromDraft(read);
    expect(again.problem).toMatchObject({ caseTimeLimitMs: 3000, order: "exact", title: "Mirror" });
    expect(again.tests).toEqual(source.tests);
  });

  test("what is missing is said before saving", () => {
    expect(draftProblems(draft)).toEqual([]);
    expect(draftProblems({ ...EMPTY_DRAFT })).toEqual(
      expect.arrayContaining(["Give the problem a title.", "Choose at least one category.", "The function name must be an identifier, such as twoSum."]),
    );
  });

  test("hints move up and down, and not past the ends", () => {
    expect(moved(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });

  test("only a saved version that passed its own validation may be published", () => {
    const saved = { version: 3, status: "draft" as const };
    const passed = { version: 3, passed: true, languages: {} };
    expect(publishable(saved, passed, false)).toBe(true);
    expect(publishable(saved, passed, true)).toBe(false);
    expect(publishable(saved, { ...passed, version: 2 }, false)).toBe(false);
    expect(publishable(saved, { ...passed, passed: false }, false)).toBe(false);
    expect(publishable(null, passed, false)).toBe(false);
    expect(publishable({ ...saved, status: "published" }, passed, false)).toBe(false);
  });
});
