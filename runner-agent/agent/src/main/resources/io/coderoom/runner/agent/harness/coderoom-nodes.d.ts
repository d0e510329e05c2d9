// The linked list and binary tree nodes the TypeScript harness provides as globals (see
// io.coderoom.runner.agent.harness.Harness): type-checked with the candidate's file, which uses them
// without declaring them, as on LeetCode.
declare class ListNode {
  val: number;
  next: ListNode | null;
  constructor(val?: number, next?: ListNode | null);
}

declare class TreeNode {
  val: number;
  left: TreeNode | null;
  right: TreeNode | null;
  constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null);
}
