/**
 * Linked lists and binary trees as test values show them: JSON arrays (a list's values in order; a
 * tree in level order with nulls, as `[1,null,2]`), drawn so a person reads the shape.
 */
export interface TreeNode {
  value: unknown;
  left: TreeNode | null;
  right: TreeNode | null;
  /** Where the node is from the root: "" for the root, then "L"/"R" per step. */
  path: string;
}

/** Trees bigger than this stay as their JSON text: a drawing would not be read. */
export const MAX_DRAWN_NODES = 127;

/** The JSON text's array, or null when it is not one (cut output, an error's text). */
export function parseArray(json: string | null | undefined): unknown[] | null {
  if (json == null) return null;
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The tree a level order describes, as LeetCode reads it: each non-null node takes the next two
 * values as its children, and nulls have none. `[]` (or a null root) is the empty tree.
 */
export function treeFromLevelOrder(values: unknown[]): TreeNode | null {
  if (values.length === 0 || values[0] === null) return null;
  const root: TreeNode = { value: values[0], left: null, right: null, path: "" };
  const queue: TreeNode[] = [root];
  let next = 1;
  for (let head = 0; head < queue.length && next < values.length; head++) {
    const parent = queue[head];
    for (const side of ["left", "right"] as const) {
      if (next >= values.length) break;
      const value = values[next++];
      if (value === null) continue;
      const child: TreeNode = { value, left: null, right: null, path: parent.path + (side === "left" ? "L" : "R") };
      parent[side] = child;
      queue.push(child);
    }
  }
  return root;
}

export function countNodes(tree: TreeNode | null): number {
  return tree ? 1 + countNodes(tree.left) + countNodes(tree.right) : 0;
}

/** The paths of the nodes whose value differs from the other tree's at the same place, or that it lacks. */
export function differingPaths(tree: TreeNode | null, other: TreeNode | null): Set<string> {
  const values = new Map<string, string>();
  const collect = (node: TreeNode | null) => {
    if (!node) return;
    values.set(node.path, JSON.stringify(node.value));
    collect(node.left);
    collect(node.right);
  };
  collect(other);
  const differing = new Set<string>();
  const walk = (node: TreeNode | null) => {
    if (!node) return;
    if (values.get(node.path) !== JSON.stringify(node.value)) differing.add(node.path);
    walk(node.left);
    walk(node.right);
  };
  walk(tree);
  return differing;
}

/**
 * The tree drawn as indented text, one node a line, children marked L and R under their parent
 * (a missing child shows as `∅` when its sibling exists, so the side of a lone child is clear):
 *
 *     1
 *     ├─ L: 2
 *     └─ R: 3
 */
export function treeLines(tree: TreeNode | null): string[] {
  if (!tree) return ["(empty tree)"];
  const lines = [String(tree.value)];
  const children = (node: TreeNode, indent: string) => {
    if (!node.left && !node.right) return;
    const sides = [
      ["L", node.left],
      ["R", node.right],
    ] as const;
    sides.forEach(([side, child], i) => {
      const last = i === 1;
      lines.push(`${indent}${last ? "└─" : "├─"} ${side}: ${child ? String(child.value) : "∅"}`);
      if (child) children(child, indent + (last ? "   " : "│  "));
    });
  };
  children(tree, "");
  return lines;
}

/** A linked list's values joined by arrows, as `1 → 2 → 3`. */
export function listText(values: unknown[]): string {
  return values.length === 0 ? "(empty list)" : values.map((v) => JSON.stringify(v)).join(" → ");
}
