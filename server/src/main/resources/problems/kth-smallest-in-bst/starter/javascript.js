/**
 * TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
 * @param {TreeNode} root
 * @param {number} k
 * @return {number}
 */
function kthSmallest(root, k) {
  // Return the k-th smallest value in the search tree (k = 1 is the smallest).
  return 0;
}
