import { h, render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import { formatArgs, formatJson, formatMs, type TestReport } from "../src/room/tests";
import { TestsView } from "../src/room/TestsView";

describe("formatJson", () => {
  test("puts a space after commas and colons outside strings", () => {
    expect(formatJson('[1,2,{"a":[3,4]}]')).toBe('[1, 2, {"a": [3, 4]}]');
  });

  test("leaves strings alone, escaped quotes included", () => {
    expect(formatJson('["a,b","c:\\"d,e\\"",1]')).toBe('["a,b", "c:\\"d,e\\"", 1]');
  });

  test("keeps every digit of integers past 2^53 and does not double spaces", () => {
    expect(formatJson("[12345678901234567890, 1]")).toBe("[12345678901234567890, 1]");
  });
});

describe("formatArgs", () => {
  test("names the arguments when the names fit", () => {
    expect(formatArgs("[[2,7,11,15],9]", ["nums", "target"])).toBe("nums = [2, 7, 11, 15], target = 9");
  });

  test("splits only at top-level commas, whatever the strings and nesting hold", () => {
    expect(formatArgs('["a,]b",{"k":[1,2]},[[3]]]', ["s", "m", "n"])).toBe('s = "a,]b", m = {"k": [1, 2]}, n = [[3]]');
  });

  test("falls back to the formatted JSON when the names do not fit or it is not an array", () => {
    expect(formatArgs("[1,2]", ["only"])).toBe("[1, 2]");
    expect(formatArgs('{"a":1}', ["a"])).toBe('{"a": 1}');
    expect(formatArgs("[]", [])).toBe("");
  });
});

test.each([
  [0.4, "<1 ms"],
  [12.4, "12 ms"],
  [999, "999 ms"],
  [1234, "1.23 s"],
])("formatMs(%d) is %s", (ms, text) => expect(formatMs(ms)).toBe(text));

const text = (elements: HTMLElement[]) => elements.map((e) => e.textContent).join("\n");

/** The Tests tab's elements for this report, in order. */
function renderTests(report: TestReport, params: string[]): HTMLElement[] {
  const tab = document.createElement("div");
  document.body.replaceChildren(tab);
  act(() => render(h(TestsView, { report, params }), tab));
  return [...tab.children] as HTMLElement[];
}

describe("TestsView", () => {
  const candidateView: TestReport = {
    passed: 2,
    total: 6,
    publicPassed: 1,
    publicTotal: 2,
    hiddenPassed: 1,
    hiddenTotal: 4,
    cases: [
      { index: 0, hidden: false, status: "PASSED", timeMs: 3, input: "[[2,7,11,15],9]", expected: "[0,1]", actual: "[0,1]" },
      { index: 1, hidden: false, status: "FAILED", timeMs: 0.5, input: "[[3,2,4],6]", expected: "[1,2]", actual: "[0,1]", diff: "index 0: expected 1, got 0" },
    ],
  };

  test("summarises the counts, public and hidden, and says hidden inputs are not shown", () => {
    const elements = renderTests(candidateView, ["nums", "target"]);
    expect(elements[0].id).toBe("tests-summary");
    expect(elements[0].textContent).toBe("2 / 6 tests passed");
    expect(elements[0].className).toBe("tests-summary failed");
    expect(elements[1].textContent).toBe("public: 1/2 passed · hidden: 1/4 passed");
    expect(elements.at(-1)!.textContent).toBe("Hidden tests: 1/4 passed. Their inputs are not shown.");
  });

  test("a failed case is open and marks where expected and actual differ", () => {
    const failed = renderTests(candidateView, ["nums", "target"])[3];
    expect(failed.dataset).toMatchObject({ status: "failed", hidden: "false" });
    expect(failed.hasAttribute("open")).toBe(true);
    expect(failed.querySelector("summary")!.textContent).toBe("✗ Test 2 · failed · <1 ms");
    expect(failed.querySelector(".case-input")!.textContent).toBe("nums = [3, 2, 4], target = 6");
    expect(failed.querySelector(".case-expected")!.innerHTML).toBe('[<mark class="expected">1, 2</mark>]');
    expect(failed.querySelector(".case-actual")!.innerHTML).toBe('[<mark class="actual">0, 1</mark>]');
    expect(failed.querySelector(".diff")!.textContent).toBe("index 0: expected 1, got 0");
  });

  test("a passed case is closed and unmarked", () => {
    const passed = renderTests(candidateView, ["nums", "target"])[2];
    expect(passed.hasAttribute("open")).toBe(false);
    expect(passed.querySelector("summary")!.textContent).toBe("✓ Test 1 · passed · 3 ms");
    expect(passed.querySelector("mark")).toBeNull();
  });

  test("an interviewer's report lists hidden cases and how the hidden phase ended, without the count note", () => {
    const report: TestReport = {
      passed: 6,
      total: 6,
      hiddenPassed: 4,
      hiddenTotal: 4,
      cases: [{ index: 2, hidden: true, status: "ERROR", input: "[[3,3],6]", expected: "[0,1]", actual: null, error: "Traceback" }],
      hiddenPhase: { status: "TIMEOUT", exitCode: -1, runMs: 2500, memoryBytes: 1, message: "Time limit exceeded", output: "partial" },
    };
    const elements = renderTests(report, []);
    expect(elements[0].className).toBe("tests-summary ok");
    expect(elements[1].textContent).toBe("public: 2/2 passed · hidden: 4/4 passed");
    const hidden = elements[2];
    expect(hidden.querySelector("summary")!.textContent).toBe("✗ Hidden test 3 · error");
    expect(hidden.querySelector(".case-input")!.textContent).toBe("[[3, 3], 6]");
    expect(hidden.querySelector(".case-actual")!.textContent).toBe("nothing");
    expect(hidden.querySelector(".case-error-text")!.textContent).toBe("Traceback");
    expect(text(elements)).not.toContain("Their inputs are not shown");
    const phase = elements[3];
    expect(phase.dataset.status).toBe("timeout");
    expect(phase.className).toBe("case hidden-phase case-error");
    expect(phase.querySelector("summary")!.textContent).toBe("Hidden tests ended: timeout · 2.50 s in all");
    expect(phase.querySelector(".hidden-phase-output")!.textContent).toBe("partial");
  });

  test("without split counts, the public count is the whole", () => {
    const elements = renderTests({ passed: 1, total: 2 }, []);
    expect(elements[1].textContent).toBe("public: 1/2 passed");
    expect(elements).toHaveLength(2);
  });
});
