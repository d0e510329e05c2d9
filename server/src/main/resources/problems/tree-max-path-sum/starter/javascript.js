/**
 * TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
 * @param {TreeNode} root
 * @return {number}
 */
function maxPathSum(root) {
  // Return the largest sum of node values along any path.
  return 0;
}
