/**
 * TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
 * @param {TreeNode | null} root
 * @return {number[][]}
 */
function levelOrder(root) {
  // Return the values level by level, each level from left to right.
  return [];
}
