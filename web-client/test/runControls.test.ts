import { describe, expect, test } from "vitest";
import type { ProblemListing } from "../src/api";
import { runDescription, STOP_DESCRIPTION, submitDescription } from "../src/room/runControls";

// What the Run, Submit and Stop buttons say they do (their tooltips and the welcome).
const listing = (examples: number, hiddenTests?: number): ProblemListing => ({
  id: "two-sum",
  title: "Two Sum",
  statement: "",
  examples: Array.from({ length: examples }, () => ({ input: [], expected: null })),
  hiddenTests,
});

describe("run controls", () => {
  test("Run runs the program with the Input tab on stdin; with a problem, it says Submit is what calls the function", () => {
    expect(runDescription(false)).toBe("Runs your program as it is now, with the Input tab's text as its input (stdin); everyone in the room sees the output.");
    expect(runDescription(true)).toBe(`${runDescription(false)} It does not call the function with the examples: Run examples does.`);
  });

  test("Submit counts the problem's examples and hidden tests", () => {
    expect(submitDescription(listing(2, 3))).toBe(
      "Runs all 5 of the problem's tests: the 2 examples shown and 3 hidden tests. You can submit again as often as you like; the last submission's results are the ones shown.",
    );
    expect(submitDescription(listing(1, 1))).toMatch(/^Runs all 2 of the problem's tests: the 1 example shown and 1 hidden test\. /);
    expect(submitDescription(listing(3))).toMatch(/^Runs all 3 of the problem's tests: the 3 examples shown and 0 hidden tests\. /);
    expect(submitDescription(listing(0, 4))).toMatch(/^Runs all 4 of the problem's tests: the 0 examples shown and 4 hidden tests\. /);
  });

  test("without counts (the catalogue not loaded yet, or none given), Submit says hidden tests are included", () => {
    for (const unknown of [undefined, listing(0), listing(0, 0), { id: "p", title: "P", statement: "" }]) {
      expect(submitDescription(unknown)).toBe(
        "Runs all of the problem's tests, the hidden ones included. You can submit again as often as you like; the last submission's results are the ones shown.",
      );
    }
  });

  test("Stop stops the run for everyone", () => {
    expect(STOP_DESCRIPTION).toBe("Stops the program that is running now, for everyone in the room.");
  });
});
