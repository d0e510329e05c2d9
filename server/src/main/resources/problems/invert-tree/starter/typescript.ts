// TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
function invertTree(root: TreeNode | null): TreeNode | null {
  // Mirror the tree and return its root.
  return null;
}
