import { render } from "preact";
import { describe, expect, test } from "vitest";
import { countNodes, differingPaths, listText, parseArray, treeFromLevelOrder, treeLines } from "../src/room/trees";
import { ValueView } from "../src/room/ValueView";

describe("trees from level order", () => {
  test("nulls leave a place empty and take no children of their own", () => {
    // 1 has a right child 2 only; 2 has a left child 3.
    expect(treeLines(treeFromLevelOrder([1, null, 2, 3]))).toEqual(["1", "├─ L: ∅", "└─ R: 2", "   ├─ L: 3", "   └─ R: ∅"]);
  });

  test("a full tree draws both sides at each level", () => {
    expect(treeLines(treeFromLevelOrder([4, 2, 7, 1, 3, 6, 9]))).toEqual([
      "4",
      "├─ L: 2",
      "│  ├─ L: 1",
      "│  └─ R: 3",
      "└─ R: 7",
      "   ├─ L: 6",
      "   └─ R: 9",
    ]);
  });

  test("children after a null belong to the next non-null node", () => {
    const tree = treeFromLevelOrder([5, 4, 8, 11, null, 13, 4, 7, 2, null, null, null, 1]);
    expect(countNodes(tree)).toBe(9);
    expect(tree?.left?.left?.right?.value).toBe(2);
    expect(tree?.right?.right?.right?.value).toBe(1);
    expect(tree?.right?.right?.right?.path).toBe("RRR");
  });

  test("[] and [null] are the empty tree", () => {
    expect(treeFromLevelOrder([])).toBeNull();
    expect(treeFromLevelOrder([null])).toBeNull();
    expect(treeLines(null)).toEqual(["(empty tree)"]);
  });

  test("nodes that differ from the other tree, or that it lacks, are found by place", () => {
    const expected = treeFromLevelOrder([1, 2, 3]);
    const actual = treeFromLevelOrder([1, 3, 2, 4]);
    expect([...differingPaths(actual, expected)].sort()).toEqual(["L", "LL", "R"]);
    expect([...differingPaths(expected, expected)]).toEqual([]);
  });

  test("text that is not a whole array is not drawn", () => {
    expect(parseArray("[1,2,…")).toBeNull();
    expect(parseArray("7")).toBeNull();
    expect(parseArray(null)).toBeNull();
  });

  test("a linked list reads with arrows", () => {
    expect(listText([1, 2, 3])).toBe("1 → 2 → 3");
    expect(listText([])).toBe("(empty list)");
  });
});

describe("the value view", () => {
  test("draws a TreeNode as nested lists with sides, marking what differs", () => {
    const host = document.createElement("div");
    render(<ValueView json="[1,2,3]" other="[1,9,3]" type="TreeNode" label="Got" />, host);
    const group = host.querySelector('[role="group"]')!;
    expect(group.getAttribute("aria-label")).toBe("Got as a tree");
    expect([...host.querySelectorAll("li")].map((li) => li.dataset.path)).toEqual(["", "L", "R"]);
    expect([...host.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["2"]);
    render(null, host);
  });

  test("draws a ListNode with arrows and other types not at all", () => {
    const host = document.createElement("div");
    render(<ValueView json="[1,2,3]" type="ListNode" label="Expected" />, host);
    expect(host.textContent).toBe("1 → 2 → 3");
    render(<ValueView json="[1,2,3]" type="int[]" label="Expected" />, host);
    expect(host.textContent).toBe("");
  });
});
