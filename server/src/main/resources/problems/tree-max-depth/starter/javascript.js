/**
 * TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
 * @param {TreeNode | null} root
 * @return {number}
 */
function maxDepth(root) {
  // Return the number of nodes on the longest root-to-leaf path.
  return 0;
}
