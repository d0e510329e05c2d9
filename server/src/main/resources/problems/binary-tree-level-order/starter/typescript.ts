// TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
function levelOrder(root: TreeNode | null): number[][] {
  // Return the values level by level, each level from left to right.
  return [];
}
