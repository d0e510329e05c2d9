// TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
function maxDepth(root: TreeNode | null): number {
  // Return the number of nodes on the longest root-to-leaf path.
  return 0;
}
