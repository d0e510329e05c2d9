// TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
function isValidBST(root: TreeNode | null): boolean {
  // Return whether the tree is a binary search tree.
  return false;
}
