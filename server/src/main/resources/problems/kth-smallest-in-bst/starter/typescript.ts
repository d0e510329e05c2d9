// TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
function kthSmallest(root: TreeNode | null, k: number): number {
  // Return the k-th smallest value in the search tree (k = 1 is the smallest).
  return 0;
}
