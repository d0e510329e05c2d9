/**
 * TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
 * @param {TreeNode | null} root
 * @return {TreeNode | null}
 */
function invertTree(root) {
  // Mirror the tree and return its root.
  return null;
}
