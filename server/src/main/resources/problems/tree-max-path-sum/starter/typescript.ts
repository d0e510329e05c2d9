// TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
function maxPathSum(root: TreeNode): number {
  // Return the largest sum of node values along any path.
  return 0;
}
